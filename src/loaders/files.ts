/**
 * Reading files a pull request can contain, safely: only regular files (a symbolic link could
 * point at any file on the build machine), never past a size limit, UTF-8 checked strictly, and
 * every failure a sentence naming the path — never an exception with a stack trace.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** A problem with a file, ready to print after its path. */
export interface FileProblem {
  ruleId: 'missing-file' | 'not-a-regular-file' | 'file-too-large' | 'unreadable-file' | 'invalid-utf8' | 'not-a-real-folder';
  reason: string;
}

/** Bytes of a regular file, or why it cannot be read. Symbolic links are refused, not followed. */
export function readRegularFile(file: string, maxBytes: number): { bytes: Buffer } | { problem: FileProblem } {
  let fd: number;
  try {
    // O_NOFOLLOW: a link swapped in after a check is still refused (no time-of-check race).
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: openProblem(file, error as NodeJS.ErrnoException) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: notRegular(file, stat.isDirectory() ? 'a folder' : 'a device, socket or pipe') };
    if (stat.size > maxBytes) {
      return { problem: { ruleId: 'file-too-large', reason: `the file has ${stat.size.toLocaleString('en')} bytes, more than the limit of ${maxBytes.toLocaleString('en')}; split it or check it is the right file` } };
    }
    const bytes = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < bytes.length) {
      const read = readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return { bytes: bytes.subarray(0, offset) };
  } catch (error) {
    return { problem: { ruleId: 'unreadable-file', reason: `the file could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` } };
  } finally {
    closeSync(fd);
  }
}

/** Text of a regular UTF-8 file (a leading BOM is dropped), or why it cannot be read. */
export function readUtf8File(file: string, maxBytes: number): { text: string } | { problem: FileProblem } {
  const read = readRegularFile(file, maxBytes);
  if ('problem' in read) return read;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(read.bytes) };
  } catch {
    return { problem: { ruleId: 'invalid-utf8', reason: 'the file is not valid UTF-8; re-save it as UTF-8' } };
  }
}

/** One entry of a folder, with what it really is (links are not followed). */
export interface FolderEntry {
  name: string;
  kind: 'file' | 'symlink' | 'folder' | 'other';
}

/** The entries of a real folder in name order, or why it cannot be listed. */
export function listRealFolder(folder: string): { entries: FolderEntry[] } | { problem: FileProblem } {
  const problem = realFolderProblem(folder);
  if (problem) return { problem };
  try {
    const entries = readdirSync(folder, { withFileTypes: true })
      .map((entry): FolderEntry => ({
        name: entry.name,
        kind: entry.isSymbolicLink() ? 'symlink' : entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : 'other',
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { entries };
  } catch (error) {
    return { problem: { ruleId: 'unreadable-file', reason: `the folder could not be listed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` } };
  }
}

/**
 * Why `folder` is not a real folder reached without symbolic links, or null. Writing or deleting
 * through a link would touch files outside the repository.
 */
export function realFolderProblem(folder: string): FileProblem | null {
  let stat;
  try {
    stat = lstatSync(folder);
  } catch (error) {
    return openProblem(folder, error as NodeJS.ErrnoException);
  }
  if (stat.isSymbolicLink()) return { ruleId: 'not-a-real-folder', reason: 'the folder is a symbolic link; replace it with a real folder (links could reach files outside the repository)' };
  if (!stat.isDirectory()) return { ruleId: 'not-a-real-folder', reason: 'this is not a folder' };
  const resolved = path.resolve(folder);
  let real: string;
  try {
    real = realpathSync(resolved);
  } catch (error) {
    return openProblem(folder, error as NodeJS.ErrnoException);
  }
  if (real !== resolved) {
    return { ruleId: 'not-a-real-folder', reason: `the folder is reached through a symbolic link (it resolves to ${real}); use a path without links` };
  }
  return null;
}

function notRegular(file: string, what: string): FileProblem {
  return { ruleId: 'not-a-regular-file', reason: `${path.basename(file)} is ${what}, not a regular file; only regular files are read` };
}

function openProblem(file: string, error: NodeJS.ErrnoException): FileProblem {
  switch (error.code) {
    case 'ENOENT':
      return { ruleId: 'missing-file', reason: 'the file does not exist (or is a symbolic link to nothing)' };
    case 'ELOOP':
      return { ruleId: 'not-a-regular-file', reason: `${path.basename(file)} is a symbolic link; seeds and content files are read only as regular files, never through links — replace the link with the file itself` };
    case 'EISDIR':
      return notRegular(file, 'a folder');
    case 'ENAMETOOLONG':
      return { ruleId: 'unreadable-file', reason: 'the file name is too long for the file system; rename it' };
    default:
      return { ruleId: 'unreadable-file', reason: `the file could not be opened (${error.code ?? error.message})` };
  }
}
