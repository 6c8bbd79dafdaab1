// The machine a measurement ran on, printed next to every number so a reader can judge it.
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the measurement ended: other work on the machine skews every number. */
  loadAverage: number;
}

export function describeMachine(): MachineInfo {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown CPU',
    cpuCount: processors.length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  };
}

/** "2 × Intel Xeon …, 24 GiB, linux 6.1, Node v20.20.2, load average 0.4" */
export function machineLine(machine: MachineInfo): string {
  return (
    `${machine.cpuCount} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, ` +
    `load average ${machine.loadAverage.toFixed(1)}`
  );
}
