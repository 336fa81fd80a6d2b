import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { randomUUID } from 'node:crypto';

/**
 * What a mail or IM user does, with the clients people use: nodemailer (SMTP), imapflow (IMAP),
 * and xmpp.js (@xmpp/client's own building blocks, without its bundled babel).
 */

/* eslint-disable @typescript-eslint/no-require-imports */
// xmpp.js 0.13 ships no type declarations.
interface XmlElement {
  attrs: Record<string, string>;
  is(name: string): boolean;
  getChild(name: string): XmlElement;
  getChildren(name: string): XmlElement[];
}
interface XmppEntityLike {
  on(event: 'stanza', f: (s: XmlElement) => void): void;
  on(event: 'error', f: (e: unknown) => void): void;
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
  send(el: unknown): Promise<unknown>;
}
const { Client: XmppEntity, xml } = require('@xmpp/client-core') as {
  Client: new (o: { service: string; domain: string }) => XmppEntityLike;
  xml: (name: string, attrs?: Record<string, string>, ...children: unknown[]) => unknown;
};
const xmppTcp = require('@xmpp/tcp');
const xmppMiddleware = require('@xmpp/middleware');
const xmppStreamFeatures = require('@xmpp/stream-features');
const xmppIqCaller = require('@xmpp/iq/caller');
const xmppSasl = require('@xmpp/sasl');
const xmppSaslPlain = require('@xmpp/sasl-plain');
const xmppResourceBinding = require('@xmpp/resource-binding');
const xmppSessionEstablishment = require('@xmpp/session-establishment');
/* eslint-enable @typescript-eslint/no-require-imports */

export interface Endpoint {
  host: string;
  port: number;
}

export interface SentMessage {
  accepted: string[];
  rejected: string[];
  response: string;
}

/**
 * Sends one message over SMTP; rejects with the server's answer (`responseCode`, `response`) when
 * refused. Like a desktop mail client, it announces the message's size (`MAIL FROM … SIZE=n`, so
 * the server can refuse a message that cannot fit before it is sent), unless `announceSize` is false.
 */
export async function sendMail(smtp: Endpoint, m: { from: string; to: string; subject: string; text: string }, announceSize = true): Promise<SentMessage> {
  // A plain 7-bit message built here, lines ending CRLF (nodemailer's composer would re-encode a large body slowly).
  const raw = Buffer.from(
    [
      `From: <${m.from}>`,
      `To: <${m.to}>`,
      `Subject: ${m.subject}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${randomUUID()}@provisio.test>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=us-ascii',
      'Content-Transfer-Encoding: 7bit',
      '',
      m.text,
    ].join('\r\n'),
  );
  const transport = nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: false, ignoreTLS: true, connectionTimeout: 10_000 });
  try {
    const envelope = { from: m.from, to: m.to, ...(announceSize ? { size: raw.length } : {}) };
    const info = await transport.sendMail({ envelope, raw });
    return { accepted: info.accepted.map(String), rejected: info.rejected.map(String), response: info.response };
  } finally {
    transport.close();
  }
}

export interface ReadMessage {
  subject: string;
  from: string;
  text: string;
}

/** Logs in over IMAP and returns the INBOX's messages (subject, sender, and the source when `withText`). */
export async function readInbox(imap: Endpoint, user: string, password: string, withText = false): Promise<ReadMessage[]> {
  const client = new ImapFlow({ host: imap.host, port: imap.port, secure: false, auth: { user, pass: password }, logger: false, disableAutoIdle: true });
  await client.connect();
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const exists = (client.mailbox && typeof client.mailbox === 'object' && client.mailbox.exists) || 0;
      if (!exists) return [];
      const messages = await client.fetchAll('1:*', { envelope: true, source: withText });
      return messages.map((m) => ({ subject: m.envelope?.subject ?? '', from: m.envelope?.from?.[0]?.address ?? '', text: m.source?.toString('utf8') ?? '' }));
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
}

/** True when the IMAP server accepts the login, false when it refuses it (any other failure throws). */
export async function imapLoginWorks(imap: Endpoint, user: string, password: string): Promise<boolean> {
  const client = new ImapFlow({ host: imap.host, port: imap.port, secure: false, auth: { user, pass: password }, logger: false });
  try {
    await client.connect();
    await client.logout();
    return true;
  } catch (e) {
    if ((e as { authenticationFailed?: boolean }).authenticationFailed) return false;
    throw e;
  }
}

export interface XmppSession {
  jid: string;
  /** Bare JIDs whose available presence this session received, in order. */
  presences: string[];
  roster(): Promise<string[]>;
  /** Resolves when presence from `bareJid` has arrived (rejects after `timeoutMs`). */
  presenceFrom(bareJid: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Logs in to XMPP with SASL PLAIN (the server checks the password against the directory) and sends presence. */
export async function xmppLogin(server: Endpoint, address: string, password: string): Promise<XmppSession> {
  const [username, domain] = address.split('@');
  const entity = new XmppEntity({ service: `xmpp://${server.host}:${server.port}`, domain });
  xmppTcp({ entity });
  const middleware = xmppMiddleware({ entity });
  const streamFeatures = xmppStreamFeatures({ middleware });
  const iqCaller = xmppIqCaller({ middleware, entity }) as { request(el: unknown): Promise<XmlElement> };
  xmppSaslPlain(xmppSasl({ streamFeatures }, { username, password }));
  xmppResourceBinding({ iqCaller, streamFeatures }, 'provisio-test');
  xmppSessionEstablishment({ iqCaller, streamFeatures });
  const presences: string[] = [];
  const waiters: Array<() => void> = [];
  entity.on('stanza', (s) => {
    if (!s.is('presence') || (s.attrs.type && s.attrs.type !== 'available')) return;
    presences.push(String(s.attrs.from ?? '').split('/')[0]);
    waiters.splice(0).forEach((w) => w());
  });
  entity.on('error', () => undefined);
  await entity.start();
  await entity.send(xml('presence'));
  const session: XmppSession = {
    jid: address,
    presences,
    async roster() {
      const r = await iqCaller.request(xml('iq', { type: 'get' }, xml('query', { xmlns: 'jabber:iq:roster' })));
      return r
        .getChild('query')
        .getChildren('item')
        .map((i) => i.attrs.jid)
        .sort();
    },
    presenceFrom(bareJid, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${address} received no presence from ${bareJid}; got ${JSON.stringify(presences)}`)), timeoutMs);
        const check = () => {
          if (presences.includes(bareJid)) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
    async stop() {
      await entity.stop().catch(() => undefined);
    },
  };
  return session;
}

/** True when the XMPP server accepts the login, false when SASL refuses it. */
export async function xmppLoginWorks(server: Endpoint, address: string, password: string): Promise<boolean> {
  try {
    const s = await xmppLogin(server, address, password);
    await s.stop();
    return true;
  } catch (e) {
    if (/not-authorized/.test(String((e as Error)?.message ?? e))) return false;
    throw e;
  }
}
