import type { Message, Ticket } from '../../entities';

/** What postMessage stored, and on which ticket. */
export interface PostedMessage {
  message: Message;
  ticket: Ticket;
  /** Set when the message, written on a ticket closed for good, opened a follow-up ticket instead. */
  followUpTicket: Ticket | null;
}
