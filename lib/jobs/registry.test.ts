import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from './define-job';
import { followUp, pipelineStep } from './follow-ups';
import { createRegistry } from './registry';

const job = (name: string) => defineJob({ name, schema: z.object({}), handle: async () => undefined });

describe('createRegistry', () => {
  it('looks handlers up by name', () => {
    const registry = createRegistry([job('scan.library'), job('probe.file')]);
    expect(registry.names()).toEqual(['scan.library', 'probe.file']);
    expect(registry.get('probe.file')?.name).toBe('probe.file');
    expect(registry.get('trakt.sync')).toBeUndefined();
  });

  it('refuses a name with two handlers', () => {
    expect(() => createRegistry([job('scan.library'), job('probe.file'), job('scan.library')])).toThrow(
      /"scan\.library" has two handlers/,
    );
  });

  it('names every job with no handler', () => {
    const registry = createRegistry([job('scan.library')]);
    expect(() => registry.assertHandlersFor(['scan.library'])).not.toThrow();
    expect(() => registry.assertHandlersFor(['scan.library', 'probe.file', 'trakt.sync'])).toThrow(
      'no handler for job "probe.file", "trakt.sync"',
    );
  });
});

describe('defineJob', () => {
  it.each(['scan.library', 'system.cleanup', 'metadata.tmdb.fetch', 'trakt.syncHistory'])('accepts %s', (name) => {
    expect(job(name).name).toBe(name);
  });

  it.each(['scan', 'Scan.library', 'scan.', 'scan library', 'scan:library', '.scan'])('refuses %s', (name) => {
    expect(() => job(name)).toThrow(/<domain>\.<verb>/);
  });

  it('holds the pipeline: one step per job, after a job it has', () => {
    const [scan, meta] = [job('scan.library'), job('metadata.local')];
    const step = pipelineStep(scan, { next: () => [followUp(meta, {})] });
    expect(createRegistry([scan, meta], [step]).followUpsOf('scan.library')).toBe(step);
    expect(createRegistry([scan, meta], [step]).followUpsOf('metadata.local')).toBeUndefined();
    expect(() => createRegistry([meta], [step])).toThrow('the pipeline follows job "scan.library", which has no handler');
    expect(() => createRegistry([scan, meta], [step, step])).toThrow('job "scan.library" has two pipeline steps');
  });
});
