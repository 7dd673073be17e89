/**
 * A real SMTP server for the tests (the smtp-server package), on loopback: it keeps every message it
 * accepted, parsed with mailparser. It can be stopped and started again on the same port (an outage), and
 * told to hold a message before answering (to stop a sender in the middle of a send).
 */
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { freePort } from "./ports";

export type ReceivedMail = { to: string[]; parsed: ParsedMail };

export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Called when a message's data starts arriving; answering waits for the returned promise. */
  hold?: () => Promise<void>;
  private server?: SMTPServer;
  private readonly closed = new Set<string>();

  private constructor(readonly port: number) {}

  static async start(): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer(await freePort());
    await smtp.listen();
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onClose: (session, callback) => {
        this.closed.add(session.id);
        callback?.();
      },
      onData: (stream, session, callback) => {
        const waiting = this.hold?.() ?? Promise.resolve();
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          void waiting.then(async () => {
            const parsed = await simpleParser(Buffer.concat(chunks));
            // Accepted only if the sender is still there to hear the answer.
            if (this.closed.has(session.id)) return;
            this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), parsed });
            callback();
          });
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(this.port, "127.0.0.1", () => resolve());
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }
}
