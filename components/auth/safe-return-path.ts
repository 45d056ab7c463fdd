// Where to go after signing in: only a same-origin relative path, never another site.
export function safeReturnPath(value: string | string[] | undefined, fallback = '/'): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith('/')) return fallback;
  // "//host" and "/\host" are read by browsers as another origin.
  if (path.startsWith('//') || path.startsWith('/\\')) return fallback;
  if ([...path].some((ch) => ch.charCodeAt(0) < 0x20)) return fallback;
  // Back to the sign-in or setup pages would loop.
  if (/^\/(login|setup|register)(\/|\?|#|$)/.test(path)) return fallback;
  return path;
}
