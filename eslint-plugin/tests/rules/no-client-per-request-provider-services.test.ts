/**
 * no-client-per-request in methods of commerce-framework providers: Medusa v1's file and payment
 * services (`class S3Service extends AbstractFileService`) and Medusa v2's module providers
 * (`extends AbstractFileProviderService`). The framework calls `upload()`, `delete()`,
 * `capturePayment()` for the request it serves, so a client built there is built per request (an
 * aws-sdk v2 client as repeated setup). Quiet: the constructor (run once, at registration), a
 * static method, a client kept from the constructor, and the same class shape without the base.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();

/** Medusa v1's S3 file service as it was written before its fix: an aws-sdk v2 client per call. */
const MEDUSA_V1 = `import aws from 'aws-sdk';
import { AbstractFileService } from '@medusajs/medusa';

class S3Service extends AbstractFileService {
  constructor(container, options) {
    super(container);
    this.bucket_ = options.bucket;
  }

  async upload(file) {
    const s3 = new aws.S3({ region: 'eu-west-1' });
    const result = await s3.upload({ Bucket: this.bucket_, Key: file.originalname, Body: file.buffer }).promise();
    return { url: result.Location };
  }
}

export default S3Service;`;
const MEDUSA_V1_SHARED = MEDUSA_V1.replace("import { AbstractFileService } from '@medusajs/medusa';\n", "import { AbstractFileService } from '@medusajs/medusa';\nconst sharedAwsS3 = new aws.S3({ region: 'eu-west-1' });\n").replace(
  "    const s3 = new aws.S3({ region: 'eu-west-1' });",
  '    const s3 = sharedAwsS3;',
);

/** A Medusa v2 file provider with an AWS SDK v3 client per upload. */
const MEDUSA_V2 = `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { AbstractFileProviderService } from '@medusajs/framework/utils';

export class R2FileService extends AbstractFileProviderService {
  static identifier = 'r2';
  constructor(private readonly deps: unknown, private readonly options: { bucket: string }) {
    super();
  }
  async upload(file: { filename: string; content: string }) {
    const client = new S3Client({ region: 'auto' });
    await client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: file.filename, Body: file.content }));
    return { url: file.filename, key: file.filename };
  }
}`;
const MEDUSA_V2_SHARED = MEDUSA_V2.replace("import { AbstractFileProviderService } from '@medusajs/framework/utils';\n", "import { AbstractFileProviderService } from '@medusajs/framework/utils';\nconst sharedS3Client = new S3Client({ region: 'auto' });\n").replace(
  "    const client = new S3Client({ region: 'auto' });",
  '    const client = sharedS3Client;',
);

ruleTester.run('no-client-per-request (methods of framework providers)', rule as never, {
  valid: [
    MEDUSA_V1_SHARED,
    MEDUSA_V2_SHARED,
    // Built once, in the constructor, and kept.
    MEDUSA_V1.replace('    this.bucket_ = options.bucket;', "    this.bucket_ = options.bucket;\n    this.s3_ = new aws.S3({ region: 'eu-west-1' });").replace(
      "    const s3 = new aws.S3({ region: 'eu-west-1' });",
      '    const s3 = this.s3_;',
    ),
    // A static factory is not called by the framework per request.
    MEDUSA_V1.replace('  async upload(file) {', '  static async upload(file) {'),
    // The same class without the framework base: nothing says when upload() runs (aws-sdk v2 is
    // reported only per request).
    MEDUSA_V1.replace("import { AbstractFileService } from '@medusajs/medusa';\n", '').replace(' extends AbstractFileService', '').replace('    super(container);\n', ''),
    // A base of the same name from the project's own code.
    MEDUSA_V1.replace("from '@medusajs/medusa'", "from './file-service'"),
  ],
  invalid: [
    {
      code: MEDUSA_V1,
      errors: [{ messageId: 'sdkClientPerRequest', line: 11, suggestions: [{ messageId: 'hoistToModuleScope', output: MEDUSA_V1_SHARED }] }],
    },
    {
      code: MEDUSA_V2,
      errors: [{ messageId: 'poolPerRequest', line: 10, suggestions: [{ messageId: 'hoistToModuleScope', output: MEDUSA_V2_SHARED }] }],
    },
    {
      // Medusa v1's payment service base, from the same package.
      code: MEDUSA_V1.replace(/AbstractFileService/g, 'AbstractPaymentProcessor'),
      errors: [{ messageId: 'sdkClientPerRequest', line: 11, suggestions: [{ messageId: 'hoistToModuleScope', output: MEDUSA_V1_SHARED.replace(/AbstractFileService/g, 'AbstractPaymentProcessor') }] }],
    },
  ],
});
