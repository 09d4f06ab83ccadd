// Vietnamese text of edits that crossed with another window's, spread into vi.ts;
// live.en.ts must have exactly these keys.
export const liveVi = {
  live: {
    region: 'Thay đổi chưa lưu do trùng với cửa sổ khác',
    title: 'Đã được sửa ở cửa sổ khác',
    intro: 'Thay đổi của bạn chưa được lưu vì mục này vừa được sửa ở nơi khác.',
    now: 'Hiện tại',
    yours: 'Bạn đã nhập',
    reapply: 'Áp dụng lại của tôi',
    keep: 'Giữ bản hiện tại',
    empty: '(để trống)',
    yesNo: { true: 'Có', false: 'Không' },
    domain: { proposals: 'Đề xuất', annotations: 'Chú thích', meetings: 'Cuộc họp', reports: 'Báo cáo', minutes: 'Biên bản' },
  },
}
