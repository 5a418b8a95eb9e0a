/**
 * The error the engine raises when a scenario cannot be simulated as given (for example, a migration between
 * hosts that no path connects). Callers catch it and report its message to the user.
 */
export class SimulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SimulationError";
  }
}
