/**
 * The transport of a relayed stream (`exec` and `xia-chunk`, paper 001 §3.2 and §4.1): each round is cut
 * into up to SEGMENTS_PER_ROUND parts; before each part the relay spends its share of the round's overhead
 * (./streamCost.ts: relay copies, STREAM control messages, chunk publishing, router cache lookups), during
 * which the link is free for other flows, then the part crosses the network as one max-min flow. The round's
 * first part pays the route's latency, the others follow it. Uncontended, a round lasts exactly
 * L + B / r + overhead(B), the closed form that ../forecast.ts uses.
 */
import type { Simulator, EventHandle } from "../kernel/simulator.js";
import type { Flow, FlowNetwork } from "../network/flows.js";
import type { Route } from "../network/routing.js";
import type { RoundTransport } from "../transport/transport.js";
import type { StreamCost } from "./streamCost.js";

/** Most parts a round is cut into: enough for the remaining-bytes series to decrease smoothly. */
export const SEGMENTS_PER_ROUND = 16;

export function relayTransport(sim: Simulator, network: FlowNetwork, route: Route, cost: StreamCost): RoundTransport {
  const chained: Route = { ...route, latencySec: 0 };
  return {
    send(bytes, capBytesPerSec, _live, onDone) {
      const overheadSec = cost.roundOverheadSec(bytes);
      const parts = Math.max(1, Math.min(SEGMENTS_PER_ROUND, cost.windowsOf(bytes)));
      const options = Number.isFinite(capBytesPerSec) ? { capBytesPerSec } : {};
      let sent = 0;
      let part = 0;
      let partBytes = 0;
      let flow: Flow | undefined;
      let waiting: EventHandle | undefined;
      const startPart = (): void => {
        waiting = undefined;
        partBytes = part === parts - 1 ? bytes - sent : bytes / parts;
        flow = network.startFlow(part === 0 ? route : chained, partBytes, () => {
          flow = undefined;
          sent += partBytes;
          part++;
          if (part === parts) onDone();
          else next();
        }, options);
      };
      const next = (): void => {
        if (overheadSec > 0) waiting = sim.after(overheadSec / parts, startPart);
        else startPart();
      };
      next();
      return {
        remainingBytes: () => bytes - sent - (flow === undefined ? 0 : partBytes - network.remainingBytes(flow)),
        rateBytesPerSec: () => (flow === undefined || waiting !== undefined ? 0 : network.rateOf(flow)),
      };
    },
  };
}
