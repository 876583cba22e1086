import type { TLSConfig } from '@temporalio/client';
import { readFileSync } from 'node:fs';

/** Where the TLS material of the Temporal connection lives (PEM files), as configured. */
export interface TemporalTlsFiles {
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly caFile?: string;
  readonly serverName?: string;
}

/**
 * The TLS options of a Temporal connection (client and worker alike), or undefined for plaintext.
 * A client certificate makes it mutual TLS; a CA alone verifies the server with a private CA.
 */
export function temporalTls(files: TemporalTlsFiles): TLSConfig | undefined {
  if (!files.certFile && !files.caFile && !files.serverName) return undefined;
  return {
    ...(files.serverName ? { serverNameOverride: files.serverName } : {}),
    ...(files.caFile ? { serverRootCACertificate: readFileSync(files.caFile) } : {}),
    ...(files.certFile && files.keyFile ? { clientCertPair: { crt: readFileSync(files.certFile), key: readFileSync(files.keyFile) } } : {}),
  };
}

/** The TLS files named by the app's configuration (TEMPORAL_TLS_*). */
export function tlsFilesOf(config: { TEMPORAL_TLS_CERT_FILE?: string; TEMPORAL_TLS_KEY_FILE?: string; TEMPORAL_TLS_CA_FILE?: string; TEMPORAL_TLS_SERVER_NAME?: string }): TemporalTlsFiles {
  return { certFile: config.TEMPORAL_TLS_CERT_FILE, keyFile: config.TEMPORAL_TLS_KEY_FILE, caFile: config.TEMPORAL_TLS_CA_FILE, serverName: config.TEMPORAL_TLS_SERVER_NAME };
}
