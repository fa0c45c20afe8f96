package dev.raftops.simulator.check;

/**
 * The controller takes voter {@code pod} down on this line: a direct delete, or a release (the
 * partition lowered to an ordinal not yet on the target). {@code what} names it for messages.
 */
record TakeDown(String pod, String what) {
}
