import { describe, expect, it } from 'vitest';
import { describeWatchError } from './library-watcher';

describe('describeWatchError', () => {
  it('explains the inotify limit with the sysctl that fixes it', () => {
    const msg = describeWatchError(Object.assign(new Error('watch failed'), { code: 'ENOSPC' }));
    expect(msg).toContain('inotify');
    expect(msg).toContain('sysctl fs.inotify.max_user_watches=');
  });
  it.each([
    ['EMFILE', 'ulimit'],
    ['EACCES', 'EACCES'],
  ])('names %s', (code, expected) => {
    expect(describeWatchError(Object.assign(new Error('x'), { code }))).toContain(expected);
  });
});
