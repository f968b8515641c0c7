import { Injectable, Logger } from '@nestjs/common';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { exportPKCS8, generateKeyPair, type CryptoKey } from 'jose';
import { DataSource } from 'typeorm';
import { AppConfig } from '@aula/server/core';
import {
  issuerUrls,
  jwkThumbprint,
  privateKeyFromPem,
  publicJwkOf,
  signJwt,
  verificationMethodId,
} from './credential';
import { IssuerKey } from './issuer-key.entity';

export interface SigningKey {
  privateKey: CryptoKey;
  /** Verification method id: `<issuer profile URL>#<thumbprint>`. */
  kid: string;
}

/**
 * The issuer's signing key. Worker only: the API never constructs this. The key is read (or, on a
 * laptop, created) on first use, and its public half published to the database for the API.
 */
@Injectable()
export class CertificateSigner {
  private readonly logger = new Logger(CertificateSigner.name);
  private key: Promise<SigningKey> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  get keyFile(): string {
    return resolve(
      this.config.CERTIFICATE_SIGNING_KEY_FILE ||
        resolve(this.config.DATA_DIR, 'keys', 'certificate-signing-key.pem'),
    );
  }

  signingKey(): Promise<SigningKey> {
    this.key ??= this.load().catch((e: unknown) => {
      this.key = null;
      throw e;
    });
    return this.key;
  }

  async sign(claims: Record<string, unknown>): Promise<string> {
    const { privateKey, kid } = await this.signingKey();
    return signJwt(claims, privateKey, kid);
  }

  private async load(): Promise<SigningKey> {
    const file = this.keyFile;
    let pem: string;
    try {
      pem = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || this.config.CERTIFICATE_SIGNING_KEY_FILE) throw e;
      pem = await this.create(file);
    }
    const privateKey = await privateKeyFromPem(pem);
    const jwk = await publicJwkOf(privateKey);
    const thumbprint = await jwkThumbprint(jwk);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(IssuerKey)
      .values({ kid: thumbprint, publicKeyJwk: jwk })
      .orIgnore()
      .execute();
    return { privateKey, kid: verificationMethodId(issuerUrls(this.config.PUBLIC_URL).issuerId, thumbprint) };
  }

  /** A development key, made once; a second worker starting at the same time reads the first one's. */
  private async create(file: string): Promise<string> {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const pem = `${await exportPKCS8((await generateKeyPair('EdDSA', { extractable: true })).privateKey)}\n`;
    try {
      await writeFile(file, pem, { flag: 'wx', mode: 0o600 });
      this.logger.log(`created a certificate signing key in ${file}`);
      return pem;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readFile(file, 'utf8');
      throw e;
    }
  }
}
