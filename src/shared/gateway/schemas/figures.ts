// Filled by the figures part of the gateway.
export {};
