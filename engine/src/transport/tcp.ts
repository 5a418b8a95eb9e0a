/**
 * A flow-level TCP model for migration connections, with paper 000's Early Notification.
 *
 * Paper 000 (Qin et al., "Early Notification and Dynamic Routing", CollaborateCom 2017,
 * ../shared/papers/000_13945c54d71f84e6.txt) observes that pre-copy over TCP loses time at every round
 * boundary: the application waits until the round is acknowledged, so the connection drains and idles (§3.1);
 * a loss among the last segments of a round cannot be repaired by fast retransmit, because no later segment
 * produces duplicate ACKs, so it waits for the retransmission timeout and restarts slow start (§3.2). Early
 * Notification (§4.1, Algorithm 1) tells the application as soon as the round's last byte has been *sent*,
 * so the next round's data is queued before the window drains: the connection never idles, a tail loss is
 * repaired by fast retransmit, and slow start is not re-entered.
 *
 * What is modelled, per migration connection with RTT τ = 2 × the route's one-way latency L:
 * - Window growth (RFC 5681 §3.1 slow start, as Cardwell, Savage & Anderson, "Modeling TCP latency",
 *   INFOCOM 2000, model it): in each RTT the sender emits its window W as a burst, a flow that gets the
 *   max-min share r like any other; the next window, 2W, leaves one RTT after the burst started. Once a
 *   burst lasts at least τ (W ≥ r·τ, the window covers the path) or W ≥ min(bottleneck, cap)·τ, the rest
 *   of the round is one flow at the share: the fluid share always stays the cap. The first window of a
 *   connection is `initialWindowSegments` × 1448 B (RFC 6928's 10 segments by default).
 * - Congestion avoidance (RFC 5681 §3.1; paper 000 §3.2: "TCP congestion control is divided into four
 *   segments: slow start, congestion avoidance, fast retransmission, and fast recovery"): the window doubles
 *   per RTT only below the slow-start threshold ssthresh (initially unbounded); above it, each acknowledged
 *   window adds MSS × acked / cwnd, about one segment per RTT (RFC 5681 equation 3, summed over a window).
 *   A loss sets ssthresh = max(cwnd / 2, 2 × MSS) (equation 4, with the window as the flight size).
 * - Round boundaries. Without Early Notification a live round is over for the source when its last ACK
 *   returns (L after the last byte arrived) plus `scanSec` of dirty-bitmap scan; the next round then pays L
 *   again, so the connection idles τ + scanSec. With Early Notification the scan overlaps the drain and the
 *   next round's first byte arrives `scanSec` after the previous round's last one (the connection idles
 *   scanSec and no latency is paid). The stop-and-copy and the push are not followed by a scan.
 * - Idle restart (RFC 5681 §4.1, after RFC 2861): a round whose connection idled longer than the RTO starts
 *   from min(IW, cwnd).
 * - Tail loss (§3.2): with probability `tailLossProbability` (one seeded draw per round carrying data) the
 *   round's last window loses a segment. Without a following round's data (no Early Notification, or the
 *   last round) the source waits one RTO, RTO = τ + `minRtoSec` (RFC 6298's SRTT + 4·RTTVAR with Linux's
 *   floor of 200 ms on the variance term), and the window falls to one segment (RFC 5681's loss window, the
 *   "initial window ... 1" of §3.2), to grow back by slow start up to ssthresh and linearly after it. With
 *   Early Notification on a live round, fast retransmit and recovery repair it: no time is lost and the
 *   window falls to ssthresh, half of it (RFC 5681 §3.2, at least two segments), and grows back linearly.
 *
 * Not modelled: the losses a round-start burst itself causes in shallow buffers (§3.1; fold
 * them into `tailLossProbability`), queueing delay, delayed ACKs, tail loss probes (RFC 8985), and TCP
 * effects on background traffic. The closed-form predictor (../migration/analytic.ts) stays fluid.
 */
import type { Random } from "../kernel/random.js";
import type { Simulator, EventHandle } from "../kernel/simulator.js";
import type { Flow, FlowNetwork } from "../network/flows.js";
import type { Route } from "../network/routing.js";
import type { TcpTransportSpec } from "../scenario.js";
import type { RoundProgress, RoundTransport, TcpStats } from "./transport.js";

/** Maximum segment size: a 1500-byte Ethernet MTU minus IP and TCP headers with timestamps. */
export const SEGMENT_BYTES = 1448;
/** RFC 6928's initial window. */
export const DEFAULT_INITIAL_WINDOW_SEGMENTS = 10;
/** Linux's TCP_RTO_MIN. */
export const DEFAULT_MIN_RTO_SEC = 0.2;
/** Most points of one migration's `cwnd/<vm>` series; later changes are not recorded. */
export const MAX_WINDOW_POINTS = 1024;

export interface TcpConnectionParams {
  readonly sim: Simulator;
  readonly network: FlowNetwork;
  readonly route: Route;
  readonly spec: TcpTransportSpec;
  /** Draws the tail losses; used only when `tailLossProbability` > 0. */
  readonly random: Random;
  /** Receives the congestion window, in bytes, each time it changes (at most MAX_WINDOW_POINTS times). */
  readonly onWindow?: (timeSec: number, bytes: number) => void;
}

/** One migration's TCP connection; its rounds are sent one after another. */
export class TcpConnection implements RoundTransport {
  readonly rttSec: number;
  readonly rtoSec: number;
  readonly initialWindowBytes: number;
  private readonly chained: Route;
  private readonly early: boolean;
  private readonly scanSec: number;
  private readonly lossProbability: number;
  private cwnd = 0;
  /** RFC 5681's slow-start threshold: "arbitrarily high" until the first loss. */
  private ssthresh = Number.POSITIVE_INFINITY;
  private started = false;
  private previousLive = false;
  /** A retransmission timeout left the window at one segment: the next round counts as a restart. */
  private afterTimeout = false;
  private lastDeliverySec = 0;
  private points = 0;
  private restarts = 0;
  private timeouts = 0;
  private fastRetransmits = 0;

  constructor(private readonly params: TcpConnectionParams) {
    const { route, spec } = params;
    this.rttSec = 2 * route.latencySec;
    this.rtoSec = this.rttSec + (spec.minRtoSec ?? DEFAULT_MIN_RTO_SEC);
    this.initialWindowBytes = (spec.initialWindowSegments ?? DEFAULT_INITIAL_WINDOW_SEGMENTS) * SEGMENT_BYTES;
    this.chained = { ...route, latencySec: 0 };
    this.early = spec.earlyNotification === true;
    this.scanSec = spec.scanSec ?? 0;
    this.lossProbability = spec.tailLossProbability ?? 0;
  }

  get stats(): TcpStats {
    return { slowStartRestarts: this.restarts, retransmissionTimeouts: this.timeouts, fastRetransmits: this.fastRetransmits };
  }

  /** Current congestion window, in bytes. */
  get windowBytes(): number {
    return this.cwnd;
  }

  send(bytes: number, capBytesPerSec: number, live: boolean, onDone: () => void): RoundProgress {
    const { sim, network, route } = this.params;
    // Early Notification: the round's data was queued while the previous round drained, so it follows
    // that round's last byte without paying the latency again.
    const first = this.early && this.previousLive ? this.chained : route;
    const timedOut = this.afterTimeout;
    this.afterTimeout = false;
    if (!this.started) {
      this.started = true;
      this.setWindow(this.initialWindowBytes);
    } else if (timedOut) {
      this.restarts++;
    } else if (sim.now + first.latencySec - this.lastDeliverySec > this.rtoSec && this.cwnd > this.initialWindowBytes) {
      this.restarts++;
      this.setWindow(this.initialWindowBytes);
    }
    const rateLimit = Math.min(route.bottleneckBytesPerSec, capBytesPerSec);
    const options = Number.isFinite(capBytesPerSec) ? { capBytesPerSec } : {};
    let flow: Flow | undefined;
    let queued = bytes;
    let waiting: EventHandle | undefined;
    let open = false;

    const burst = (via: Route, left: number): void => {
      waiting = undefined;
      open ||= !(this.rttSec > 0) || this.cwnd >= rateLimit * this.rttSec;
      const chunk = open ? left : Math.min(this.cwnd, left);
      const firstByteSec = sim.now + via.latencySec;
      queued = left - chunk;
      flow = network.startFlow(via, chunk, () => {
        flow = undefined;
        const rest = left - chunk;
        if (!open) this.acknowledged(chunk);
        if (!(rest > 0)) {
          this.delivered(bytes, live, onDone);
          return;
        }
        if (sim.now - firstByteSec >= this.rttSec) {
          // The burst lasted an RTT or more: the window covers the path and ACKs clock the sender.
          open = true;
          burst(this.chained, rest);
        } else {
          waiting = sim.schedule(firstByteSec + this.rttSec, () => burst(this.chained, rest));
        }
      }, options);
    };
    burst(first, bytes);
    return {
      remainingBytes: () => queued + (flow === undefined ? 0 : network.remainingBytes(flow)),
      rateBytesPerSec: () => (flow === undefined || waiting !== undefined ? 0 : network.rateOf(flow)),
    };
  }

  /** The round's last byte arrived: tail loss, then the gap before the source may start the next round. */
  private delivered(bytes: number, live: boolean, onDone: () => void): void {
    const { sim, random } = this.params;
    const lost = this.lossProbability > 0 && bytes > 0 && random.next() < this.lossProbability;
    const repairedFast = lost && this.early && live;
    let timeoutSec = 0;
    if (lost) this.ssthresh = Math.max(this.cwnd / 2, 2 * SEGMENT_BYTES);
    if (repairedFast) {
      // Duplicate ACKs from the next round's segments trigger fast retransmit; recovery ends at ssthresh.
      this.fastRetransmits++;
      this.setWindow(this.ssthresh);
    } else if (lost) {
      this.timeouts++;
      this.afterTimeout = true;
      timeoutSec = this.rtoSec;
    }
    this.lastDeliverySec = sim.now + timeoutSec;
    this.previousLive = live;
    // Without Early Notification the source hears of the round's end from its last ACK, then scans.
    const gapSec = live ? (this.early ? this.scanSec : this.rttSec / 2 + this.scanSec) : 0;
    if (timeoutSec > 0) {
      sim.after(timeoutSec, () => {
        this.setWindow(SEGMENT_BYTES);
        sim.after(gapSec, onDone);
      });
    } else if (gapSec > 0) {
      sim.after(gapSec, onDone);
    } else {
      onDone();
    }
  }

  /**
   * A window's worth of `bytes` was acknowledged: slow start with byte counting (RFC 3465, every byte adds
   * one) below ssthresh, congestion avoidance (MSS × bytes / cwnd) for what is acknowledged above it.
   */
  private acknowledged(bytes: number): void {
    let window = this.cwnd;
    const slowStart = Math.min(bytes, Math.max(this.ssthresh - window, 0));
    window += slowStart;
    if (bytes > slowStart) window += (SEGMENT_BYTES * (bytes - slowStart)) / window;
    this.setWindow(window);
  }

  private setWindow(bytes: number): void {
    if (bytes === this.cwnd) return;
    this.cwnd = bytes;
    if (this.params.onWindow !== undefined && this.points < MAX_WINDOW_POINTS) {
      this.points++;
      this.params.onWindow(this.params.sim.now, bytes);
    }
  }
}
