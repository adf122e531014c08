import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature checks of the SMS gateways' webhooks. A request that fails its check is refused before anything
 * is read from it (routes/sms.ts answers 403 and stores nothing).
 */

/**
 * Twilio's request signature (twilio.com/docs/usage/security#validating-requests): the full URL Twilio called
 * (scheme, host, path and query, exactly as configured in the console), then each POST parameter's name and
 * value, sorted by name, appended with no separator; HMAC-SHA1 keyed by the account's auth token; base64.
 * A name given more than once contributes each value, in order of value (as Twilio's own libraries sort them).
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: readonly (readonly [string, string])[],
): string {
  const sorted = [...params].sort(([a, x], [b, y]) => compare(a, b) || compare(x, y));
  const hmac = createHmac('sha1', authToken).update(url, 'utf8');
  for (const [name, value] of sorted) hmac.update(name, 'utf8').update(value, 'utf8');
  return hmac.digest('base64');
}

/** Code-unit order, as the signing libraries sort (not the locale's collation). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function checkTwilioSignature(
  authToken: string,
  url: string,
  params: readonly (readonly [string, string])[],
  header: string | undefined,
): boolean {
  if (!header) return false;
  return sameText(twilioSignature(authToken, url, params), header);
}

/** `sha256=` and the hex HMAC-SHA256 of the raw body, keyed by the shared secret. */
export function rapidproBodySignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/**
 * A RapidPro/TextIt webhook proves itself in one of two ways (docs/configuration.md): the static header a flow's
 * webhook action sends, `Authorization: Token <secret>`, or `X-Homeward-Signature: sha256=<hex>` over the raw
 * body from a relay that can sign (which also protects the body from change).
 */
export function checkRapidproRequest(
  secret: string,
  rawBody: string,
  headers: { authorization?: string; signature?: string },
): boolean {
  if (headers.signature !== undefined) return sameText(rapidproBodySignature(secret, rawBody), headers.signature);
  const token = /^Token\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  return token !== undefined && sameText(secret, token);
}

/** Compares in constant time, through digests of both, so that not even the secret's length shows. */
function sameText(expected: string, given: string): boolean {
  return timingSafeEqual(createHash('sha256').update(expected).digest(), createHash('sha256').update(given).digest());
}
