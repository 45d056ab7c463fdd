import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { asSentence, plainIssueMessage } from './plain-issue-message';

function messageFor(schema: z.ZodType, value: unknown): string {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return plainIssueMessage(r.error.issues[0]);
}

describe('plainIssueMessage', () => {
  it.each([
    ['an empty required string', z.string().min(1), '', 'This is required.'],
    ['a missing field', z.object({ a: z.string() }), {}, 'This is required.'],
    ['a short string', z.string().min(8), 'abc', 'Use at least 8 characters.'],
    ['a short string with a schema message', z.string().min(3, 'must be at least 3 characters'), 'ab', 'Use at least 3 characters.'],
    ['a long string', z.string().max(32), 'x'.repeat(40), 'Use at most 32 characters.'],
    ['a wrong type', z.boolean(), 'yes', 'Must be true or false.'],
    ['a fraction for an integer', z.number().int(), 1.5, 'Must be a whole number.'],
    ['a small number', z.number().min(1), 0, 'Must be 1 or more.'],
    ['a large number', z.number().lt(10), 10, 'Must be less than 10.'],
    ['an email', z.email(), 'nope', 'Enter an email address, like name@example.com.'],
    ['a URL', z.url(), 'nope', 'Enter a full web address, starting with http:// or https://.'],
    ['a pattern with a message', z.string().regex(/^a+$/, 'use only the letter a'), 'b', 'Use only the letter a.'],
    ['a pattern without one', z.string().regex(/^a+$/), 'b', 'Contains characters that are not allowed.'],
    ['an enum', z.enum(['admin', 'user']), 'root', 'Choose one of: admin, user.'],
    ['an enum with a message', z.enum(['title', 'year'], { error: 'sort must be one of: title, year' }), 'rating', 'Sort must be one of: title, year.'],
    ['a literal', z.literal('x'), 'y', 'Must be "x".'],
    ['an unknown key', z.object({}).strict(), { zz: 1 }, 'Unknown field "zz".'],
    ['a refinement', z.string().refine((s) => s === 'ok', 'give role or disabled'), 'no', 'Give role or disabled.'],
    ['an empty list', z.array(z.string()).min(1), [], 'Pick at least one.'],
  ])('%s', (_name, schema, value, expected) => {
    expect(messageFor(schema, value)).toBe(expected);
  });

  it('never passes on zod’s developer wording', () => {
    const schema = z.object({ a: z.string().min(1), b: z.number(), c: z.union([z.string(), z.number()]) });
    const r = schema.safeParse({ a: '', b: 'x', c: null });
    const messages = r.error!.issues.map(plainIssueMessage);
    for (const m of messages) expect(m).not.toMatch(/expected|Too small|Invalid input/);
  });
});

describe('asSentence', () => {
  it('capitalises and ends with a full stop, once', () => {
    expect(asSentence('must be here')).toBe('Must be here.');
    expect(asSentence('Done!')).toBe('Done!');
    expect(asSentence('')).toBe('');
  });
});
