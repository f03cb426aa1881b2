import type { ReportsBuildResult } from '../../../core/contract/index.ts';

/** How the finished file reached the user. */
export type Delivery = { kind: 'saved'; path: string } | { kind: 'downloaded' } | { kind: 'cancelled' };

/** The file handed to the host: its suggested name, type and bytes (base64, as it came). */
export type ReportFilePayload = Pick<ReportsBuildResult, 'fileName' | 'mimeType' | 'base64'>;

/** What Electron's preload adds to `window.foresight` for saving: a native save dialog. */
export interface FileSaver {
  saveFile(file: ReportFilePayload): Promise<{ saved: boolean; path?: string }>;
}

export function hasFileSaver(value: unknown): value is FileSaver {
  return !!value && typeof value === 'object' && typeof (value as Partial<FileSaver>).saveFile === 'function';
}

export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A browser download: a Blob behind a temporary <a download>, released once clicked. */
export function downloadInBrowser(file: ReportFilePayload, doc: Document = document): Delivery {
  const url = URL.createObjectURL(new Blob([base64Bytes(file.base64)], { type: file.mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { kind: 'downloaded' };
}

/**
 * Hands a finished report to the user the host's way: Electron's save dialog when the preload
 * offers one, a download in the browser host.
 */
export async function deliverFile(
  file: ReportFilePayload,
  bridge: unknown = window.foresight,
): Promise<Delivery> {
  if (hasFileSaver(bridge)) {
    const result = await bridge.saveFile(file);
    return result.saved && result.path ? { kind: 'saved', path: result.path } : { kind: 'cancelled' };
  }
  return downloadInBrowser(file);
}
