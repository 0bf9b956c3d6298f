// A minimal streaming zip writer for tests and benches: X archives are zips, and the hostile ones
// the importer must refuse (names that climb out, entries that lie about their size, bombs, cut
// files) are exactly what a well-behaved zip library will not write. Entries are deflated as they
// are produced (a data descriptor carries their sizes), so a million-follower archive is written
// without holding it in memory.
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface ZipEntryInput {
  name: string;
  /** The entry's content, produced piece by piece. */
  chunks: Iterable<Buffer | string> | AsyncIterable<Buffer | string>;
  /** Stored instead of deflated. */
  store?: boolean;
  /** Lies written into the central directory (hostile fixtures). */
  declare?: { uncompressedSize?: number; compressedSize?: number };
}

interface Written {
  name: Buffer;
  offset: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  method: number;
  declare?: ZipEntryInput['declare'];
}

function localHeader(name: Buffer, method: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0808, 6); // data descriptor follows; names are UTF-8
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(0x21, 12);
  // crc and sizes are zero here: the data descriptor after the data carries them
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function dataDescriptor(entry: Written): Buffer {
  const d = Buffer.alloc(16);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(entry.crc >>> 0, 4);
  d.writeUInt32LE(entry.compressedSize, 8);
  d.writeUInt32LE(entry.uncompressedSize, 12);
  return d;
}

function centralRecord(entry: Written): Buffer {
  const c = Buffer.alloc(46);
  c.writeUInt32LE(0x02014b50, 0);
  c.writeUInt16LE(20, 4);
  c.writeUInt16LE(20, 6);
  c.writeUInt16LE(0x0808, 8);
  c.writeUInt16LE(entry.method, 10);
  c.writeUInt16LE(0, 12);
  c.writeUInt16LE(0x21, 14);
  c.writeUInt32LE(entry.crc >>> 0, 16);
  c.writeUInt32LE(entry.declare?.compressedSize ?? entry.compressedSize, 20);
  c.writeUInt32LE(entry.declare?.uncompressedSize ?? entry.uncompressedSize, 24);
  c.writeUInt16LE(entry.name.length, 28);
  c.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([c, entry.name]);
}

function endRecord(count: number, size: number, offset: number): Buffer {
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(count, 8);
  e.writeUInt16LE(count, 10);
  e.writeUInt32LE(size, 12);
  e.writeUInt32LE(offset, 16);
  return e;
}

/** Writes a zip of these entries to filePath (sizes up to 4 GiB each, no zip64: enough for tests). */
export async function writeZip(filePath: string, entries: Iterable<ZipEntryInput> | AsyncIterable<ZipEntryInput>): Promise<void> {
  const out = fs.openSync(filePath, 'w');
  let offset = 0;
  const write = (buffer: Buffer): void => {
    fs.writeSync(out, buffer);
    offset += buffer.length;
  };
  const written: Written[] = [];
  try {
    for await (const input of entries) {
      const name = Buffer.from(input.name, 'utf8');
      const method = input.store ? 0 : 8;
      const entry: Written = { name, offset, crc: 0, compressedSize: 0, uncompressedSize: 0, method, declare: input.declare };
      write(localHeader(name, method));
      const start = offset;
      const deflater = method === 8 ? zlib.createDeflateRaw({ level: 6 }) : null;
      const pending: Buffer[] = [];
      deflater?.on('data', (chunk: Buffer) => pending.push(chunk));
      const drain = (): void => {
        for (const chunk of pending.splice(0)) write(chunk);
      };
      for await (const piece of input.chunks) {
        const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        entry.crc = zlib.crc32(bytes, entry.crc);
        entry.uncompressedSize += bytes.length;
        if (deflater) {
          await new Promise<void>((resolve) => deflater.write(bytes, () => resolve()));
          drain();
        } else write(bytes);
      }
      if (deflater) {
        await new Promise<void>((resolve) => deflater.end(() => resolve()));
        await new Promise<void>((resolve) => (deflater.readableEnded ? resolve() : deflater.once('end', () => resolve())));
        drain();
      }
      entry.compressedSize = offset - start;
      write(dataDescriptor(entry));
      written.push(entry);
    }
    const directoryStart = offset;
    for (const entry of written) write(centralRecord(entry));
    write(endRecord(written.length, offset - directoryStart, directoryStart));
  } finally {
    fs.closeSync(out);
  }
}
