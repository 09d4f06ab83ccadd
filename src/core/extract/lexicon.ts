// Gazetteer of Vietnamese administrative bodies and the verbs of directives: what a directive
// is made of (actor + directive verb + task). All entries are in the lower-case match form of
// sentences.ts (new-style tone marks), matched at word boundaries.

/** Verbs that hand a task to an addressee named after them: "giao Sở X …", "yêu cầu UBND huyện …". */
export const GOVERNING_VERBS = [
  'giao cho', 'giao', 'yêu cầu', 'đề nghị', 'chỉ đạo', 'đôn đốc', 'kiến nghị với', 'kiến nghị', 'đề xuất với',
  'đề xuất', 'mong muốn', 'đề ra', 'lưu ý', 'nhắc nhở', 'chỉ thị', 'quán triệt',
]

/** What a named body does in a directive: "Sở X chủ trì …", "Công an tỉnh được giao …". */
export const DOER_CUES = [
  'chủ trì', 'được giao', 'có trách nhiệm', 'chịu trách nhiệm', 'tham mưu', 'phối hợp', 'cần', 'phải', 'khẩn trương',
  'tiếp tục', 'tập trung', 'chủ động', 'tăng cường', 'sẽ', 'nên', 'theo dõi', 'chỉ đạo', 'thường xuyên',
]

/** Verbs that open a task. */
export const TASK_VERBS = [
  'tăng cường', 'đẩy mạnh', 'rà soát', 'hoàn thiện', 'nâng cao', 'phát triển', 'xây dựng', 'tổ chức', 'bảo tồn',
  'kết nối', 'lồng ghép', 'huy động', 'triển khai', 'đầu tư', 'giữ vững', 'giữ gìn', 'bố trí', 'bám sát', 'bám vào',
  'tranh thủ', 'nghiên cứu', 'giải quyết', 'nắm vững', 'nắm chắc', 'phát huy', 'thu hút', 'hỗ trợ', 'khai thác', 'tận dụng',
  'đảm bảo', 'bảo đảm', 'thực hiện', 'xóa bỏ', 'đẩy lùi', 'nhân rộng', 'sắp xếp', 'chuẩn bị', 'lập', 'cải thiện',
  'củng cố', 'mở rộng', 'đổi mới', 'tháo gỡ', 'khắc phục', 'xử lý', 'kiểm tra', 'giám sát', 'thúc đẩy', 'cải cách',
  'bảo vệ', 'duy trì', 'hướng dẫn', 'vận động', 'tuyên truyền', 'ngăn chặn', 'chấn chỉnh', 'quản lý', 'kêu gọi',
  'áp dụng', 'ứng dụng', 'chuyển đổi', 'hoàn thành', 'kiện toàn', 'theo dõi', 'tổng hợp', 'báo cáo', 'tham mưu',
  'phối hợp', 'chủ trì', 'trình', 'ban hành', 'xem xét', 'cân đối', 'tính toán', 'tìm', 'kiểm soát', 'thanh tra',
  'phát hiện', 'triệt phá', 'đấu tranh', 'ngăn ngừa', 'phòng chống', 'phòng, chống', 'dập tắt', 'làm tốt', 'làm rõ',
  'siết chặt', 'có biện pháp', 'có kế hoạch', 'có giải pháp', 'có phương án', 'cắm biển', 'di dời', 'sơ tán', 'thu hồi',
  'chấm dứt', 'công khai', 'rút kinh nghiệm', 'tạm dừng', 'dừng', 'xin ý kiến', 'ưu tiên', 'đặc biệt quan tâm',
  'quan tâm', 'tập trung', 'tiếp tục', 'khẩn trương', 'chủ động', 'kịp thời', 'thường xuyên', 'nghiêm túc', 'sớm',
  'tích cực', 'quyết liệt', 'kiên quyết', 'tạo điều kiện', 'giúp', 'cung cấp', 'đánh giá', 'thống kê', 'điều tra',
  'lựa chọn', 'phân bổ', 'ghi vốn', 'đôn đốc', 'nâng cấp', 'sửa chữa', 'khảo sát', 'bồi thường', 'giải phóng',
  'trồng', 'chăm sóc', 'tiêm', 'phun', 'vệ sinh', 'diệt', 'giảm', 'hạn chế', 'nắm', 'mua sắm', 'trang bị',
  'chú trọng', 'coi trọng', 'đề cao', 'nêu cao', 'phát động', 'hoàn chỉnh', 'xác định', 'phân công', 'làm việc với',
  'đăng ký', 'thẩm định', 'phê duyệt', 'điều chỉnh', 'bổ sung', 'tiếp nhận', 'giao', 'chỉ đạo', 'yêu cầu', 'đề nghị',
]

/** Head words of a body: "Sở …", "UBND …", "các ngành", "người đứng đầu …". */
export const BODY_HEADS = [
  'ủy ban nhân dân', 'ubnd', 'hội đồng nhân dân', 'hđnd', 'sở', 'các sở', 'ban', 'các ban', 'ngành', 'các ngành',
  'công an', 'bộ chỉ huy', 'ban chỉ huy', 'bộ đội biên phòng', 'bđbp', 'văn phòng', 'chi cục', 'cục', 'trung tâm',
  'kho bạc', 'thanh tra', 'ban quản lý', 'mặt trận', 'ủy ban mặt trận', 'đoàn thanh niên', 'hội', 'lực lượng',
  'các địa phương', 'địa phương', 'các đơn vị', 'đơn vị', 'các cơ quan', 'cơ quan', 'người đứng đầu', 'thủ trưởng',
  'phòng', 'các phòng', 'bộ', 'các bộ', 'huyện', 'tỉnh', 'thị xã', 'thành phố', 'xã', 'phường', 'thị trấn', 'các huyện',
  'các xã', 'các ấp', 'ấp', 'thôn', 'các thôn', 'bản', 'chủ tịch', 'giám đốc', 'chi bộ', 'đảng ủy', 'huyện ủy',
  'tỉnh ủy', 'ban thường vụ', 'ban chỉ đạo', 'quân sự', 'bộ chỉ huy quân sự', 'hải quan', 'kiểm lâm', 'hạt kiểm lâm',
  'đài', 'báo', 'trường', 'các trường', 'bệnh viện', 'doanh nghiệp', 'các doanh nghiệp', 'chủ đầu tư', 'nhà trường',
  'ban giám hiệu', 'ngân hàng', 'bảo hiểm xã hội', 'liên đoàn lao động', 'hội nông dân', 'hội phụ nữ', 'cấp ủy',
  'chính quyền', 'các cấp', 'cấp huyện', 'cấp xã',
]

/** Names whose words would otherwise read as verbs ("Sở Xây dựng", "Ban Quản lý …", "Ban Chỉ đạo 389"). */
export const BODY_NAMES = [
  'nông nghiệp và phát triển nông thôn', 'nông nghiệp và môi trường', 'kế hoạch và đầu tư', 'xây dựng',
  'tài nguyên và môi trường', 'giao thông vận tải', 'giao thông', 'công thương', 'tài chính', 'nội vụ', 'tư pháp',
  'y tế', 'giáo dục và đào tạo', 'khoa học và công nghệ', 'thông tin và truyền thông', 'văn hóa, thể thao và du lịch',
  'văn hóa và thể thao', 'văn hóa - thể thao và du lịch', 'lao động - thương binh và xã hội', 'lao động, thương binh và xã hội',
  'du lịch', 'ngoại vụ', 'nn-ptnt', 'nn&ptnt', 'tn-mt', 'tn&mt', 'gtvt', 'kh&đt', 'kh-đt', 'gd&đt', 'gd-đt', 'lđ-tb&xh',
  'quản lý các khu công nghiệp', 'quản lý khu kinh tế', 'quản lý dự án', 'quản lý thị trường', 'chỉ đạo 389',
  'chỉ đạo', 'chỉ huy quân sự', 'chỉ huy bộ đội biên phòng', 'chỉ huy bđbp', 'chỉ huy', 'phòng chống thiên tai',
  'phòng, chống thiên tai', 'dân tộc', 'kinh tế', 'kinh tế - hạ tầng', 'kinh tế và hạ tầng', 'quản lý đô thị',
  'tài chính - kế hoạch', 'tài chính kế hoạch', 'văn hóa - thông tin', 'văn hóa và thông tin', 'giáo dục', 'nông nghiệp',
  'tài nguyên môi trường', 'lao động', 'ubnd tỉnh', 'ubnd huyện',
]

/** Heads of an addressee that is the higher level: a district's requests "kiến nghị với tỉnh …". */
export const HIGHER_LEVEL = ['tỉnh', 'trung ương', 'chính phủ', 'bộ', 'các bộ', 'ubnd tỉnh', 'ủy ban nhân dân tỉnh']

/** Clauses that report, praise, discuss or hope rather than direct. */
export const RESULT_WORDS = ['đã', 'đạt', 'vượt', 'ước', 'ước đạt', 'tăng', 'giảm', 'kết quả', 'hoàn thành']
export const PRAISE_WORDS = ['ghi nhận', 'biểu dương', 'đánh giá cao', 'khen ngợi', 'chúc mừng', 'cảm ơn']
export const DISCUSS_WORDS = ['thảo luận', 'phản ánh', 'nêu ý kiến', 'trao đổi', 'nghe báo cáo', 'trả lời', 'cho ý kiến', 'giải đáp']
export const CITIZEN_WORDS = ['cử tri', 'người dân', 'phụ huynh', 'nhân dân', 'bà con', 'hộ dân']
export const EXHORT_WORDS = [
  'quyết tâm', 'phấn đấu', 'phương châm', 'mang tính đột phá', 'nỗ lực', 'ý chí', 'khát vọng', 'nhận thức',
  'trách nhiệm chính trị', 'cách làm mới', 'quyết tâm chính trị',
]
export const INTENT_WORDS = ['sẽ', 'dự kiến', 'kế hoạch sẽ']
