// Vietnamese text of the list of annotations waiting for review after a revision; spread into vi.ts.
export const reviewVi = {
  annotationReview: {
    title: 'Cần xem lại ({n})',
    hint: 'Bản sửa đổi đã thay đổi phần lớn đoạn văn của các chú thích này. So sánh rồi chọn: xác nhận đoạn văn mới, gắn lại vào vùng chọn khác, hoặc xóa.',
    before: 'Trước',
    now: 'Bây giờ',
    confirm: 'Xác nhận',
    confirmHint: 'Gắn chú thích vào đoạn văn mới',
    reattach: 'Gắn lại vào vùng chọn',
    delete: 'Xóa',
    revisionDone: 'Đã tải bản sửa đổi {revision}: {placed} chú thích định vị lại, {review} cần xem lại, {unplaced} chưa định vị',
  },
}
