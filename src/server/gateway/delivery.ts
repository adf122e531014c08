import type { Delivery, SmsGateway } from '../../shared/gateway/constants.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { gatewaySmsOutbox } from './tables.ts';

/** A submission's contact as sealed in `contact_enc`: what the portal asked for, or the number an SMS came from. */
export interface SealedContact {
  name?: string;
  phone?: string;
  email?: string;
  /** For an SMS submission: the gateway it came through, which answers on the same number. */
  gateway?: SmsGateway;
}

/** What delivery needs to know about the item a message is for. */
export interface DeliveryTarget {
  id: string;
  contactEnc: string | null;
  contactConsent: boolean;
}

/** The gateway used for a number that did not come in by SMS (a phone typed into the portal form). */
export const DEFAULT_SMS_GATEWAY: SmsGateway = 'twilio';

/**
 * Sends a message to a submitter by the contact they gave, when they agreed to be answered that way: an SMS is
 * queued in the outbox (number and text encrypted) for the sender to deliver (sms/sender.ts). Always inside the
 * caller's transaction, so the message and its delivery are stored together. Gives how it will reach them; a
 * submitter who gave no number, or did not agree, reads it with their receipt code only.
 */
export async function queueContactDelivery(
  tx: Database,
  keyring: Keyring,
  target: DeliveryTarget,
  text: string,
): Promise<Delivery> {
  if (!target.contactEnc || !target.contactConsent) return 'receipt';
  const contact = JSON.parse(await keyring.decrypt(tx, target.contactEnc, 'contact')) as SealedContact;
  if (!contact.phone) return 'receipt';
  await tx.insert(gatewaySmsOutbox).values({
    submissionId: target.id,
    gateway: contact.gateway ?? DEFAULT_SMS_GATEWAY,
    toEnc: await keyring.encrypt(tx, 'contact', contact.phone),
    bodyEnc: await keyring.encrypt(tx, 'narrative', text),
    status: 'queued',
  });
  return 'sms';
}
