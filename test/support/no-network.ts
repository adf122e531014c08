import net from 'node:net';

// Tests talk to nothing outside this machine: an outbound connection to any other host fails the test.
const LOCAL = new Set(['127.0.0.1', 'localhost', '::1', '']);
const connect = net.Socket.prototype.connect;
// A worker runs this before each of its files (the modules stay loaded between them): the guard goes on once.
if (connect.name !== 'guardedConnect') {
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const [first] = args;
    const host =
      typeof first === 'object' && first !== null && 'host' in first
        ? String((first as { host?: string }).host ?? '')
        : '';
    const pathOption = typeof first === 'object' && first !== null && 'path' in first;
    if (!pathOption && !LOCAL.has(host) && !host.startsWith('127.')) {
      throw new Error(`Test attempted an outbound connection to ${host}`);
    }
    return connect.apply(this, args as Parameters<typeof connect>);
  } as typeof net.Socket.prototype.connect;
}
