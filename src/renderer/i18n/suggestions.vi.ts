// Vietnamese text of the suggestion panel's filters and facts, spread into vi.ts;
// suggestions.en.ts must have exactly these keys.
export const suggestionPanelVi = {
  suggestionPanel: {
    sector: 'Lĩnh vực',
    allSectors: 'Mọi lĩnh vực',
    body: 'Cơ quan',
    allBodies: 'Mọi cơ quan',
    noBody: '(không nêu cơ quan)',
    order: 'Sắp xếp',
    byConfidence: 'Tin cậy nhất trước',
    bySection: 'Theo mục của báo cáo',
    noSection: 'Phần đầu báo cáo',
    owner: 'Cơ quan chủ trì',
    partners: 'Phối hợp: {partners}',
    due: 'Hạn {date}',
    confidence: 'Độ tin cậy {pct}%',
    noMatch: 'Không có gợi ý nào khớp bộ lọc.',
    shown: 'Đang xem {n}/{total}',
  },
}
