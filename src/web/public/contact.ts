/**
 * How people reach the mechanism. Each deployment sets its own channels here; these belong to the fictional
 * demo region (the `.invalid` address and the 555 numbers reach no one).
 */
export const CONTACT = {
  /** Free of charge from any phone in the region. */
  hotline: '1400',
  /** Text messages and messaging apps. */
  message: '+999 555 0140',
  email: 'help@homeward.invalid',
} as const;
