import { describe, expect, it } from 'vitest';
import { ApiFetchError, fieldLabel, formError } from './api-fetch';

describe('fieldLabel', () => {
  it.each([
    ['body.scan_interval', 'Scan interval'],
    ['body.paths.0', 'Paths 1'],
    ['query.page', 'Page'],
  ])('%s → %s', (path, label) => {
    expect(fieldLabel(path)).toBe(label);
  });
});

describe('formError', () => {
  const err = new ApiFetchError(400, 'validation_failed', 'Invalid request: body.path: This is required.', [{ path: 'body.path', message: 'This is required.' }]);

  it('points at the fields when they show their own messages', () => {
    expect(formError(err, ['path'])).toBe('Check the highlighted fields.');
  });

  it('names the field in words when the form does not show it', () => {
    expect(formError(err)).toBe('Path: This is required.');
  });

  it('leaves out the name of a message about the whole body', () => {
    const root = new ApiFetchError(400, 'validation_failed', '…', [{ path: '(root)', message: 'Unknown field "zz".' }]);
    expect(formError(root)).toBe('Unknown field "zz".');
  });

  it('passes other API messages on as they are', () => {
    expect(formError(new ApiFetchError(409, 'conflict', 'Already there.'))).toBe('Already there.');
  });
});
