// Filled by the incidents part of the gateway.
export {};
