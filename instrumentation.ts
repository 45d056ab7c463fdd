// Runs once when the Next.js server starts: a bad configuration stops it with one clear line.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { loadConfigOrExit } = await import('./lib/config');
    loadConfigOrExit();
  }
}
