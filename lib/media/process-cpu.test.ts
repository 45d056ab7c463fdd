import { describe, expect, it } from 'vitest';
import { cpuReading, cpuSampler } from './process-cpu';

describe('process CPU from /proc', () => {
  it("reads this process's CPU time and age, and a busy loop's share of one core", async () => {
    const first = await cpuReading(process.pid);
    expect(first!.cpu).toBeGreaterThan(0);
    expect(first!.age).toBeGreaterThan(0);
    const sample = cpuSampler(process.pid);
    expect(await sample()).toBeGreaterThan(0); // since the process started
    const until = performance.now() + 300;
    while (performance.now() < until) Math.sqrt(Math.random());
    const busy = await sample();
    expect(busy).toBeGreaterThan(20);
    expect(busy).toBeLessThan(250);
  });

  it('says null for a process that is gone', async () => {
    expect(await cpuReading(2 ** 22 + 12345)).toBeNull();
    expect(await cpuSampler(2 ** 22 + 12345)()).toBeNull();
  });
});
