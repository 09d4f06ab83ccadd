// Which reader a file needs, decided by its content first (a PDF renamed .txt is still a PDF,
// a picture renamed .txt is refused), by its extension only between the text formats.
import { refuse } from './refusals'
import { looksBinary } from './text-decode'
import { extensionOf } from './formats'

export type DocumentFormat = 'docx' | 'pdf' | 'html' | 'md' | 'txt'

const TEXT_EXTENSIONS: Record<string, DocumentFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  '': 'txt',
}

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b)


export function detectFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  const ext = extensionOf(fileName)
  // %PDF- may follow a few bytes of junk; readers accept it within the first kilobyte.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  if (head.includes('%PDF-')) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // A zip: Word if it holds word/document.xml (the docx reader checks it); other zips are not ours.
    if (ext === 'docx' || head.includes('word/')) return 'docx'
    refuse(ext === 'docx' ? 'damaged' : 'unsupported')
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE compound file: an old .doc, or a password-protected Word document.
    const asText = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString('utf16le')
    refuse(asText.includes('EncryptedPackage') ? 'encrypted' : 'unsupported')
  }
  const sixteen = bytes[0] === 0xff || bytes[0] === 0xfe || hasUtf16Shape(bytes)
  if (!sixteen && looksBinary(bytes)) refuse('binary')
  // Text under a Word or PDF name: not the document its name promises.
  if (ext === 'docx' || ext === 'pdf') refuse('damaged')
  const format = TEXT_EXTENSIONS[ext]
  if (format === undefined) refuse('unsupported')
  if (format === 'txt' && /^\s*(?:<!doctype html|<html[\s>])/i.test(head.replace(/^\uFEFF|^ï»¿/, ''))) return 'html'
  return format
}

function hasUtf16Shape(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - (bytes.length % 2), 512)
  let zeros = 0
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++
  return n >= 4 && zeros > n * 0.2 && zeros < n * 0.6
}
