// Filled by the inbox part of the gateway.
export {};
