// Vietnamese text of reading a revised version from a file (progress while it is read).
// Spread into vi.ts; reviseFile.en.ts must have exactly these keys. Refusals reuse docImport.refused.
export const reviseFileVi = {
  reviseFile: {
    title: 'Đang đọc bản sửa đổi',
  },
}
