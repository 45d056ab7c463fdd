// `.marqueeignore` (like Plex's `.plexignore`): glob lines relative to the folder holding the file.
// An empty file ignores everything below its folder. `#` starts a comment.

export const IGNORE_FILE = '.marqueeignore';

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/** Compiles an ignore file's text into a test on paths relative to its folder ("a/b.mkv"). */
export function compileIgnore(text: string): (relPath: string) => boolean {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines.length === 0) return () => true;
  const rules = lines.map((line) => {
    const anchored = line.includes('/');
    const re = globToRegExp(line.replace(/^\//, '').replace(/\/$/, ''));
    return { anchored, re };
  });
  return (relPath) => {
    const parts = relPath.split('/');
    return rules.some(({ anchored, re }) => {
      if (anchored) return parts.some((_, i) => re.test(parts.slice(0, i + 1).join('/')));
      return parts.some((p) => re.test(p));
    });
  };
}
