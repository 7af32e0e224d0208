import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config';

// Outgoing mail, for any feature (registration links, decisions, reminders). With
// SINERGI_SMTP_URL set, mail goes to that server; without it (development) each message is
// written as an .eml file to <data dir>/outbox/, which any mail client or a text editor opens.
// Callers send after their transaction commits: a slow or failing mail server must never
// hold a database lock or undo a stored change.

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface SentMail {
  messageId: string;
  /** the .eml file written when no SMTP server is configured */
  file?: string;
}

export type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'mailOutboxDir'>;

type Transport = ReturnType<typeof nodemailer.createTransport>;
// one transport per SMTP URL: nodemailer keeps nothing open between messages unless pooled
const transports = new Map<string, Transport>();
const outboxTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

function smtpTransport(url: string): Transport {
  let transport = transports.get(url);
  if (!transport) {
    // short timeouts: a request that sends mail waits for it
    transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    transports.set(url, transport);
  }
  return transport;
}

/** Sends one message (or writes it to the outbox). Throws when the SMTP server refuses it. */
export async function sendMail(ctx: { config: MailConfig }, mail: OutgoingMail): Promise<SentMail> {
  const { config } = ctx;
  const message = { from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}) };
  if (config.smtpUrl) {
    const info = await smtpTransport(config.smtpUrl).sendMail(message);
    return { messageId: String(info.messageId) };
  }
  const info = await outboxTransport.sendMail(message);
  await fs.mkdir(config.mailOutboxDir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(config.mailOutboxDir, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
  // links in mail open accounts: readable by the server's user only
  await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
  return { messageId: String(info.messageId), file };
}

/** Indonesian first, English below, in one plain-text body. */
export function bilingualText(id: string, en: string): string {
  return `${id.trim()}\n\n-- English --\n\n${en.trim()}\n`;
}
