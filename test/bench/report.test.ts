import { expect } from 'chai';
import { median, pairedResult } from '../../bench/paired.js';
import { targets } from '../../bench/report.js';
import { toggledResult } from '../../bench/toggled.js';
import type { BenchReport, ScenarioResult } from '../../bench/report.js';

function row(name: string, target: ScenarioResult['target'], connections: number, requestsPerSecond: number): ScenarioResult {
  return { name, target, connections, requestsPerSecond, p50Ms: 1, p99Ms: 2, total: 1, errors: 0, non2xx: 0 };
}

function report(paired?: BenchReport['paired']): BenchReport {
  return {
    machine: { cpus: 2, model: 'test', memoryBytes: 1, node: 'v20' },
    command: 'test',
    settings: { users: 10, durationSeconds: 1, connections: 50, lowConnections: 10 },
    load: { users: 10, startMs: 1, seedMs: 1, rssBytes: 1 },
    settledRssBytes: {},
    finalRssBytes: {},
    peakRssBytes: 1,
    peakRssByTarget: {},
    scenarios: [
      row('bare express route', 'bare', 50, 1000),
      row('bare express route (10 connections)', 'bare', 10, 1000),
      row('filter userName eq (indexed)', 'memory', 50, 600),
      row('filter userName eq (indexed, 10 connections)', 'memory', 10, 900),
      row('filter userName eq (quirks off)', 'quirks', 50, 500),
      row('filter userName eq (journal on)', 'journal', 50, 590),
      row('POST /Users (durable)', 'durable', 50, 400),
    ],
    ...(paired ? { paired } : {}),
  };
}

const verdict = (r: BenchReport, name: string) => targets(r).find((t) => t.name === name)!;

describe('bench: paired ratios and the targets', () => {
  it('should take the median of odd and even round counts', () => {
    expect(median([3, 1, 2])).to.equal(2);
    expect(median([4, 1, 3, 2])).to.equal(2.5);
  });

  it('should give the CPU ratio only when every round has both CPU readings', () => {
    const round = (ratio: number, referenceCpuMicros?: number, subjectCpuMicros?: number) => ({ reference: 100, subject: 100 * ratio, ratio, ...(referenceCpuMicros ? { referenceCpuMicros, subjectCpuMicros } : {}) });
    expect(pairedResult('x', 50, [round(0.5, 100, 200), round(0.6, 150, 200), round(0.7, 160, 200)]).medianCpuRatio).to.equal(0.75);
    expect(pairedResult('x', 50, [round(0.5, 100, 200), round(0.6)]).medianCpuRatio).to.equal(undefined);
  });

  it('should judge from the table rows when no pairs were measured', () => {
    const r = report();
    expect(verdict(r, 'indexed filter vs bare route (50 connections)')).to.include({ value: '60%', met: false });
    expect(verdict(r, 'indexed filter vs bare route (10 connections)')).to.include({ value: '90%', met: true });
    expect(verdict(r, 'every quirk off vs plain (filter)').met).to.equal(false);
    expect(verdict(r, 'request journal on vs off (filter)').met).to.equal(true);
    expect(verdict(r, 'durable POST vs bare route')).to.include({ value: '40%', met: false });
  });

  it('should judge from the median of paired rounds when there are some', () => {
    const rounds = (...ratios: number[]) => ratios.map((ratio) => ({ reference: 1000, subject: 1000 * ratio, ratio }));
    const r = report([
      pairedResult('indexed filter vs bare route (50 connections)', 50, rounds(0.7, 0.8, 0.78, 0.6, 0.9)),
      pairedResult('indexed filter vs bare route (10 connections)', 10, rounds(0.5, 0.7, 0.72)),
      pairedResult('every quirk off vs plain (filter)', 50, rounds(0.99, 0.97, 1.02)),
      pairedResult('request journal on vs off (filter)', 50, rounds(0.9, 0.93, 0.94)),
      pairedResult('durable POST vs bare route', 50, rounds(0.5, 0.55, 0.6)),
    ]);
    expect(verdict(r, 'indexed filter vs bare route (50 connections)')).to.include({ value: '78%', met: true });
    expect(verdict(r, 'indexed filter vs bare route (10 connections)')).to.include({ value: '70%', met: false });
    expect(verdict(r, 'every quirk off vs plain (filter)')).to.include({ value: '1.0%', met: true });
    expect(verdict(r, 'request journal on vs off (filter)')).to.include({ value: '7.0%', met: false });
    expect(verdict(r, 'durable POST vs bare route')).to.include({ value: '55%', met: true });
  });

  it('should judge the journal from the switched measurement over the paired one', () => {
    const pair = (ratio: number, onCpuMicros?: number, offCpuMicros?: number, onResponses = 1000, offResponses = 1000) => ({
      on: 1000 * ratio, off: 1000, ratio, ...(onCpuMicros ? { onCpuMicros, offCpuMicros, onResponses, offResponses } : {}),
    });
    const r = report([pairedResult('request journal on vs off (filter)', 50, [{ reference: 1000, subject: 800, ratio: 0.8 }])]);
    r.toggled = [toggledResult('request journal on vs off (filter)', 50, 250, [pair(0.99, 101, 100), pair(0.95, 105, 100), pair(1.02, 98, 100), pair(0.97, 103, 100)])];
    expect(verdict(r, 'request journal on vs off (filter)')).to.include({ value: '2.0%', met: true });
    // equal counts: CPU pooled over the slices is the mean, (101 + 105 + 98 + 103) / 4 = 101.75 µs on, 100 off
    expect(r.toggled[0]!.cpu!.onMicros).to.be.closeTo(101.75, 1e-9);
    expect(r.toggled[0]!.cpu!.ratio).to.be.closeTo(100 / 101.75, 1e-9);
  });

  it("should pool the switched measurement's CPU over every slice, weighted by its responses, rather than take a median of the pairs", () => {
    const pair = (onCpuMicros: number, onResponses: number, offCpuMicros: number, offResponses: number) => ({ on: onResponses * 4, off: offResponses * 4, ratio: onResponses / offResponses, onCpuMicros, offCpuMicros, onResponses, offResponses });
    // a whole 10 ms tick more or less in a slice of 1,800 responses moves its figure by ~5.5 µs
    const cpu = toggledResult('x', 50, 250, [pair(140, 1800, 130, 1800), pair(130, 1800, 140, 1800), pair(150, 900, 130, 2700)]).cpu!;
    expect(cpu.onMicros).to.be.closeTo((140 * 1800 + 130 * 1800 + 150 * 900) / 4500, 1e-9);
    expect(cpu.offMicros).to.be.closeTo((130 * 1800 + 140 * 1800 + 130 * 2700) / 6300, 1e-9);
    expect(cpu.ratio).to.be.closeTo(cpu.offMicros / cpu.onMicros, 1e-12);
    // a pair without its CPU or its counts: no figure at all, rather than one from some of the slices
    expect(toggledResult('x', 50, 250, [pair(100, 1000, 90, 1000), { on: 800, off: 1000, ratio: 0.8 }]).cpu).to.equal(undefined);
    expect(toggledResult('x', 50, 250, [{ on: 800, off: 1000, ratio: 0.8, onCpuMicros: 100, offCpuMicros: 90 }]).cpu).to.equal(undefined);
    expect(toggledResult('x', 50, 250, []).medianRatio).to.equal(0);
  });
});
