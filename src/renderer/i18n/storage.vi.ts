// Vietnamese text about the database file: why a change was not saved, what the app kept, and
// the backups in the preferences; spread into vi.ts. Same keys as storage.en.ts.
export const storageVi = {
  storage: {
    problem: {
      storage_moved:
        'Không lưu được: tệp dữ liệu đã bị di chuyển hoặc xoá trong khi ứng dụng đang chạy; những gì bạn gõ vẫn được giữ trên máy này, hãy khởi động lại ứng dụng.',
      storage_readonly: 'Không lưu được: cơ sở dữ liệu không cho phép ghi; những gì bạn gõ vẫn được giữ trên máy này cho đến khi lưu lại được.',
      storage_full: 'Không lưu được: ổ đĩa đã đầy; những gì bạn gõ vẫn được giữ trên máy này, hãy giải phóng dung lượng rồi bấm “Lưu lại”.',
    },
    readOnlyAtStart: 'Cơ sở dữ liệu đang mở ở chế độ chỉ đọc: có thể xem nhưng mọi thay đổi sẽ không được lưu.',
    newDataDir: 'Đã tạo cơ sở dữ liệu mới vì thư mục dữ liệu cũ không còn; bản sao cứu được nằm ở {path}.',
    drafts: 'Có {n} thay đổi chưa lưu được, đang giữ trên máy này.',
    retry: 'Lưu lại',
    discard: 'Bỏ các thay đổi này',
    dismiss: 'Ẩn thông báo',
    backups: {
      title: 'Bản sao lưu',
      none: 'Chưa có bản sao lưu nào.',
      now: 'Sao lưu ngay',
      restore: 'Khôi phục',
      confirmRestore: 'Khôi phục bản sao lưu lúc {date}? Cơ sở dữ liệu hiện tại được chuyển sang một thư mục riêng, không bị xoá.',
      restored: 'Đã khôi phục bản sao lưu lúc {date}.',
      made: 'Đã sao lưu lúc {date}.',
      failed: 'Không sao lưu hoặc khôi phục được',
      reason: {
        daily: 'hằng ngày',
        manual: 'sao lưu tay',
        'before-restore': 'trước khi khôi phục',
        migration: 'trước khi nâng cấp',
      },
    },
  },
}

/** Names of the storage errors, merged into `errors`. */
export const storageErrorsVi = {
  storage_moved: 'Tệp dữ liệu đã bị di chuyển hoặc xoá',
  storage_readonly: 'Cơ sở dữ liệu không cho phép ghi',
  storage_full: 'Ổ đĩa đã đầy',
}
