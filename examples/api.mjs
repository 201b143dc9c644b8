// Uses the built package (run `npm run build` first, or `npm run example:api`).
// Recomputes figures of the reference report: 苏州市商务服务中心 2023 年度整体支出绩效自评报告.
import { evaluateIndicator, executionRate, parseTarget, staffControlRate } from 'outturn';

// 七、预算信息: 预算总金额, 调整预算数 321.19 万元, 实际支出数 430.93 万元.
const rate = executionRate({ adjusted: '321.19', actual: '430.93' });
console.log('预算总金额 执行率', rate.ok ? rate.printed : rate.message.zh);

// 九、部门整体自评表: 预算执行率, target =100%, actual 93.74%, printed deviation -6.26%.
const row = evaluateIndicator({ name: '预算执行率', target: '=100%', actual: '93.74%' });
console.log('预算执行率', row.status, row.deviation?.printed);

// 预算调整率: target =0%, actual 43.37%: the relative deviation does not exist.
const zero = evaluateIndicator({ name: '预算调整率', target: '=0%', actual: '43.37%' });
console.log(
  '预算调整率',
  zero.status,
  'relative',
  zero.deviation?.relative,
  'absolute',
  zero.deviation?.absolute,
);

// 三、部门概况: 全额事业编制 14 名；实际 10 名.
const staff = staffControlRate({ authorized: '14', actual: '10' });
console.log('在职人员控制率', staff.ok ? staff.printed : staff.message.zh);

console.log(parseTarget('控制在5%以内'));
