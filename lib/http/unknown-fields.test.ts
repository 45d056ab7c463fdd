import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { unknownFields } from './unknown-fields';

describe('unknownFields', () => {
  const schema = z.object({
    name: z.string(),
    caps: z.object({ video: z.array(z.object({ codec: z.string() })).default([]) }).optional(),
    tags: z.record(z.string(), z.object({ on: z.boolean() })).optional(),
    extra: z.object({ a: z.string() }).loose().optional(),
    either: z.union([z.object({ k: z.literal(1) }), z.object({ j: z.string() })]).optional(),
    note: z.string().nullable().optional(),
  });

  it('names unknown fields at any depth, with their paths', () => {
    expect(unknownFields({ name: 'x', video_codecs: ['h264'] }, schema)).toEqual(['body.video_codecs']);
    expect(unknownFields({ name: 'x', caps: { video: [{ codec: 'h264' }, { codek: 'vp9' }], audio: [] } }, schema)).toEqual(['body.caps.video.1.codek', 'body.caps.audio']);
    expect(unknownFields({ name: 'x', tags: { any: { on: true, off: false } } }, schema)).toEqual(['body.tags.any.off']);
  });

  it('accepts every declared field, any key of a record or a loose object, and the fields of every union branch', () => {
    expect(unknownFields({ name: 'x', caps: { video: [] }, tags: { a: { on: true } }, extra: { a: 'y', b: 1 }, either: { j: 'z' }, note: null }, schema)).toEqual([]);
    expect(unknownFields({ name: 'x', either: { k: 1 } }, schema)).toEqual([]);
    expect(unknownFields({ name: 'x', either: { k: 1, q: 2 } }, schema)).toEqual(['body.either.q']);
  });

  it('leaves values of the wrong type to the schema (no fields to check)', () => {
    expect(unknownFields('text', schema)).toEqual([]);
    expect(unknownFields({ name: 'x', caps: 'none' }, schema)).toEqual([]);
  });
});
