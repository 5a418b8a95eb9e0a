/**
 * The transport seam between the pre-copy process (../migration/precopy.ts) and the network: how one round's
 * bytes become flows, and when the round is over for the source.
 *
 * `fluid` (the default) is one max-min flow per round, exactly what the engine did before transports existed:
 * a round lasts latency + bytes / the rate it gets. `tcp` (./tcp.ts) adds the TCP effects paper 000 (Qin et
 * al., ../shared/papers/000_13945c54d71f84e6.txt, §3.1, §3.2) describes: slow start at the start of rounds,
 * the idle restart between rounds, tail loss and its retransmission timeout, and Early Notification (§4.1).
 */
import { SimulationError } from "../errors.js";
import type { TcpStats } from "../results.js";
import type { TransportSpec } from "../scenario.js";
import type { FlowNetwork } from "../network/flows.js";
import type { Route } from "../network/routing.js";

/** What the remaining-bytes sampler reads while a round runs. */
export interface RoundProgress {
  /** Bytes of the round not yet delivered. */
  remainingBytes(): number;
  /** Current rate of the round's transfer, in bytes per second (0 while it waits or idles). */
  rateBytesPerSec(): number;
}

export type { TcpStats };

/** Sends the rounds of one migration, one after another, over one connection. */
export interface RoundTransport {
  /**
   * Sends one round of `bytes`, at most `capBytesPerSec` (+Infinity: uncapped). `live` is true while the VM
   * runs (a disk or memory round), false for the stop-and-copy and post-copy's push. `onDone` runs when the
   * round is over for the source, which is when the next round may start.
   */
  send(bytes: number, capBytesPerSec: number, live: boolean, onDone: () => void): RoundProgress;
}

/** The fluid transport: one flow per round, ended when its last byte arrives. */
export function fluidTransport(network: FlowNetwork, route: Route): RoundTransport {
  return {
    send(bytes, capBytesPerSec, _live, onDone) {
      const flow = network.startFlow(route, bytes, () => onDone(), Number.isFinite(capBytesPerSec) ? { capBytesPerSec } : {});
      return { remainingBytes: () => network.remainingBytes(flow), rateBytesPerSec: () => network.rateOf(flow) };
    },
  };
}

/** Checks a scenario's transport before the run; throws SimulationError on the first problem. */
export function checkTransport(spec: TransportSpec | undefined): void {
  // The xia policy parameterises relayed streams; ../architecture/architecture.ts checks it.
  if (spec === undefined || spec.kind === "fluid" || spec.kind === "xia") return;
  if (spec.kind !== "tcp") throw new SimulationError(`transport ${String((spec as { kind: unknown }).kind)} is not known (fluid, tcp or xia)`);
  const positive = (value: number | undefined, what: string, min: number): void => {
    if (value !== undefined && !(value >= min && Number.isFinite(value))) throw new SimulationError(`tcp ${what} must be a finite number >= ${min}, got ${value}`);
  };
  positive(spec.minRtoSec, "minRtoSec", 0);
  positive(spec.initialWindowSegments, "initialWindowSegments", 1);
  positive(spec.scanSec, "scanSec", 0);
  const p = spec.tailLossProbability;
  if (p !== undefined && !(p >= 0 && p <= 1)) throw new SimulationError(`tcp tailLossProbability must be in [0, 1], got ${p}`);
}
