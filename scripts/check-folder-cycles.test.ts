import { describe, expect, it } from 'vitest';
import { findCycles, upwardEdges } from './check-folder-cycles';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('findCycles', () => {
  it.each([
    ['no edges', {}, []],
    ['a chain', { api: ['stream'], stream: ['jobs'], jobs: ['db'] }, []],
    ['a diamond', { a: ['b', 'c'], b: ['d'], c: ['d'] }, []],
    ['two folders importing each other', { auth: ['http'], http: ['auth'] }, [['auth', 'http']]],
    ['a long loop', { api: ['stream'], stream: ['library'], library: ['scan'], scan: ['api'], db: [] }, [['api', 'library', 'scan', 'stream']]],
    ['two separate loops', { a: ['b'], b: ['a'], c: ['d'], d: ['e'], e: ['c'], f: ['a'] }, [['a', 'b'], ['c', 'd', 'e']]],
  ])('%s', (_name, edges, cycles) => {
    expect(findCycles(graph(edges)).sort()).toEqual(cycles);
  });
});

describe('upwardEdges', () => {
  it('names each import from infrastructure into a domain, with its file', () => {
    const g = new Map([
      ['jobs', new Map([['db', 'lib/jobs/db-queue.ts'], ['scan', 'lib/jobs/jobs.ts']])],
      ['scan', new Map([['jobs', 'lib/scan/scan-library-job.ts']])],
    ]);
    expect(upwardEdges(g, new Set(['jobs', 'db']))).toEqual([{ from: 'jobs', to: 'scan', file: 'lib/jobs/jobs.ts' }]);
  });
});
