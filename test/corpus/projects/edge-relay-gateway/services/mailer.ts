// Sends receipts; takes an SES client, or builds its own when none is given.
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';

export class Mailer {
  constructor(private readonly ses: SESClient = new SESClient({})) {}

  send(to: string, text: string) {
    return this.ses.send(
      new SendEmailCommand({
        Source: 'receipts@example.com',
        Destination: { ToAddresses: [to] },
        Message: { Subject: { Data: 'Receipt' }, Body: { Text: { Data: text } } },
      }),
    );
  }
}
