// The hall's start page: its texts in Chinese and English.
import { initI18n } from './i18n.js';
initI18n({
  zh: {
    title: '市民之家', kiosk: '自助取号', kioskNote: '（触摸屏）', booking: '预约办事', bookingNote: '（预约、查询、取消、改约）', window: '窗口工作台', screen: '叫号屏',
    screenNote: '（全厅；某区域：/ui/screen?zone=police）', ticket: '排队进度：/ui/ticket?id=…（取号单上的二维码）',
    console: '运营控制台', consoleNote: '（管理员、运营、技术、只读）', dashboard: '督查看板', dashboardNote: '（督查、管理员）', backoffice: '后台审批', backofficeNote: '（审批人员、部门用户）',
  },
  en: {
    title: 'Citizen Center', kiosk: 'Ticket kiosk', kioskNote: ' (touch screen)', booking: 'Book an appointment',
    bookingNote: ' (book, look up, cancel, reschedule)', window: 'Window workstation', screen: 'Caller screen',
    screenNote: ' (whole hall; one zone: /ui/screen?zone=police)', ticket: 'Queue status: /ui/ticket?id=… (the QR code on the ticket)',
    console: 'Operator console', consoleNote: ' (admin, operator, technician, viewer)', dashboard: 'Supervisor dashboard',
    dashboardNote: ' (supervisor, admin)', backoffice: 'Back office', backofficeNote: ' (approvers, department users)',
  },
});
