/**
 * Every sentence Kaohe shows a person — errors, warnings, veto texts, facts, notes —
 * keyed by code, Chinese and English side by side. The pane, the sheets and the CLI
 * all render through `t()`, so they print the same sentence.
 *
 * Placeholders are `{name}`; values are inserted as given (format numbers before).
 */
import { maskIdentifiers } from './privacy';
import type { Issue, Lang, Msg, MsgParams } from './types';

const catalog = {
  // ── generic ──
  'generic.text': { zh: '{text}', en: '{text}' },
  'generic.location': { zh: '{sheet}!{cell}：{message}', en: '{sheet}!{cell}: {message}' },
  'generic.sheetLocation': { zh: '{sheet}：{message}', en: '{sheet}: {message}' },

  // ── reading: sheets and headers (read/*) ──
  // @section read
  'read.sheet.missing': { zh: '找不到"{sheet}"工作表：考核数据是必需的', en: 'Sheet "{sheet}" not found: the assessment data are required' },
  'read.sheet.noHeader': { zh: '前 10 行中找不到表头：应有一列名为"{column}"', en: 'No header row in the first 10 rows: expected a column named "{column}"' },
  'read.column.missing': { zh: '缺少"{column}"列', en: 'The column "{column}" is missing' },
  'read.cell.required': { zh: '"{column}"不能为空', en: '"{column}" must not be blank' },
  'read.param.unknown': { zh: '未知参数"{name}"，已忽略', en: 'Unknown parameter "{name}": ignored' },
  'read.param.duplicate': { zh: '参数"{name}"重复且值不同（首次出现在 {first}）', en: 'Parameter "{name}" is given twice with different values (first at {first})' },
  'read.param.year': { zh: '考核年度应为四位年份（如 2018），实际为"{found}"', en: 'The assessment year should be a four-digit year (e.g. 2018), found "{found}"' },
  'read.param.date': { zh: '考核日期应为日期（如 2018-12-31），实际为"{found}"', en: 'The assessment date should be a date (e.g. 2018-12-31), found "{found}"' },
  'read.param.wholeNumber': { zh: '参数"{name}"应为不小于 {min} 的整数，实际为"{found}"', en: 'Parameter "{name}" should be a whole number of at least {min}, found "{found}"' },
  'read.param.number': { zh: '参数"{name}"应为不小于 0 的数，实际为"{found}"', en: 'Parameter "{name}" should be a number of at least 0, found "{found}"' },
  'read.param.positive': { zh: '参数"{name}"应为大于 0 的数，实际为"{found}"', en: 'Parameter "{name}" should be a number above 0, found "{found}"' },
  'read.param.money': { zh: '参数"{name}"应为金额（如 5万元、50000元），实际为"{found}"', en: 'Parameter "{name}" should be an amount of money (e.g. 5万元, 50000元), found "{found}"' },
  'read.param.days': { zh: '参数"{name}"应为 0–31 之间的天数，实际为"{found}"', en: 'Parameter "{name}" should be a number of days from 0 to 31, found "{found}"' },
  'read.param.tieMode': { zh: '并列处理应为"就高"或"就低"，实际为"{found}"', en: '并列处理 (ties) should be 就高 (better grade) or 就低 (worse grade), found "{found}"' },
  'read.param.yesNo': { zh: '参数"{name}"应为"是"或"否"，实际为"{found}"', en: 'Parameter "{name}" should be 是 (yes) or 否 (no), found "{found}"' },
  'read.param.missing': { zh: '缺失数据应为"报错"或"按0分"，实际为"{found}"', en: '缺失数据 (missing data) should be 报错 (error) or 按0分 (score 0), found "{found}"' },
  'read.param.moneyBare': { zh: '参数"{name}"的值"{found}"没有写单位，按元计；如果是万元，请写成"{found}万元"或在参数名中注明（万元）', en: 'Parameter "{name}" = "{found}" has no unit and is read as 元 (yuan); if 万元 is meant, write "{found}万元" or put （万元） in the name' },
  'read.param.hiddenRows': { zh: '隐藏行应为"计入"或"不计入"，实际为"{found}"', en: '隐藏行 (hidden rows) should be 计入 (count them) or 不计入 (leave them out), found "{found}"' },
  'read.param.aggregate': { zh: '评分汇总应为"平均"或"去掉最高最低"，实际为"{found}"', en: '评分汇总 (combining assessors) should be 平均 (mean) or 去掉最高最低 (drop highest and lowest), found "{found}"' },
  'read.param.rankStyle': { zh: '排名方式应为"美式"（1、2、2、4）或"中国式"（1、2、2、3），实际为"{found}"', en: '排名方式 (ranking style) should be 美式 (1, 2, 2, 4) or 中国式 (1, 2, 2, 3), found "{found}"' },
  'read.param.spread': { zh: '权重扰动幅度应为 0–100% 之间（不含两端）的比例，如 10%，实际为"{found}"', en: '权重扰动幅度 (weight perturbation) should be a share strictly between 0 and 100%, e.g. 10%, found "{found}"' },
  'read.param.runs': { zh: '权重扰动次数应为 1–100000 的整数，实际为"{found}"', en: '权重扰动次数 (perturbation runs) should be a whole number from 1 to 100000, found "{found}"' },
  'read.param.tieBreak': { zh: '同分排序依据中的"{dimension}"不是指标设置中的维度（现有维度：{dimensions}）', en: 'Tie-break "{dimension}" is not a dimension of the indicator table (dimensions: {dimensions})' },
  'read.ind.none': { zh: '指标设置中没有任何指标', en: 'The indicator table holds no indicators' },
  'read.ind.dimension': { zh: '维度为空，上方也没有可沿用的维度', en: 'The dimension is blank and there is none above to carry down' },
  'read.ind.points': { zh: '分值应为大于 0 的数，实际为"{found}"', en: 'Points should be a number above 0, found "{found}"' },
  'read.ind.method': { zh: '计分方法应为 比例、区间、达标、扣分、加分、直接 或 相对，实际为"{found}"', en: 'The scoring method should be 比例, 区间, 达标, 扣分, 加分, 直接 or 相对, found "{found}"' },
  'read.ind.direction': { zh: '方向应为"正向"或"逆向"，实际为"{found}"', en: 'The direction should be 正向 (higher is better) or 逆向 (lower is better), found "{found}"' },
  'read.ind.ratioTarget': { zh: '比例法需要大于 0 的目标值，实际为"{found}"', en: 'The ratio method needs a target above 0, found "{found}"' },
  'read.ind.rangeTarget': { zh: '区间法需要目标值', en: 'The range method needs a target' },
  'read.ind.rangeEqual': { zh: '区间法的目标值与下限不能相等（都是 {target}）', en: 'The range method needs a target different from its floor (both are {target})' },
  'read.ind.rangeUp': { zh: '正向区间的下限（{floor}）应小于目标值（{target}）', en: 'For a higher-is-better range the floor ({floor}) should be below the target ({target})' },
  'read.ind.rangeDown': { zh: '逆向区间的下限（{floor}）应大于目标值（{target}）', en: 'For a lower-is-better range the floor ({floor}) should be above the target ({target})' },
  'read.ind.perItem': { zh: '扣分和加分法需要大于 0 的每项分值，实际为"{found}"', en: 'Deduction and bonus methods need points per item above 0, found "{found}"' },
  'read.ind.dataColumn': { zh: '数据列"{found}"写法有误：应为一个列名，或"分子列/分母列"', en: 'The data column "{found}" is malformed: it should be one column name, or "numerator/denominator"' },
  'read.ind.vetoNoCategory': { zh: '填了否决阈值，却没有否决类别', en: 'A veto threshold is given without a veto category' },
  'read.ind.vetoNoThreshold': { zh: '填了否决类别，却没有否决阈值', en: 'A veto category is given without a veto threshold' },
  'read.ind.duplicate': { zh: '指标"{name}"重复（首次出现在 {first}）', en: 'The indicator "{name}" appears twice (first at {first})' },
  'read.ind.columnMissing': { zh: '考核数据中找不到指标"{indicator}"的数据列"{column}"', en: 'The data sheet has no column "{column}" for the indicator "{indicator}"' },
  'read.vetoCategory': { zh: '{column}应为否决条件的编号 1–5 或其文字（如 减贫计划、资金、弄虚作假、准确率、违纪违规），实际为"{found}"', en: '{column} should name a veto condition by its number 1–5 or its words (e.g. 减贫计划, 资金, 弄虚作假, 准确率, 违纪违规), found "{found}"' },
  'read.data.noUnits': { zh: '考核数据中没有任何单位', en: 'The data sheet holds no units' },
  'read.data.nameBlank': { zh: '单位名称为空，但该行填有数据', en: 'The unit name is blank but the row holds data' },
  'read.data.duplicate': { zh: '单位"{name}"重复（首次出现在 {first}）', en: 'The unit "{name}" appears twice (first at {first})' },
  'read.data.missing': { zh: '"{column}"没有数据：空白不能默认按 0 分（确需按 0 分，请在考核参数中设 缺失数据=按0分）', en: 'No value for "{column}": a blank must not silently cost a unit points (set 缺失数据=按0分 in 考核参数 to score blanks as 0)' },
  'read.data.missingZero': { zh: '"{column}"没有数据，按 0 分计（缺失数据=按0分）', en: 'No value for "{column}": scored as 0 (缺失数据=按0分)' },
  'read.data.directRange': { zh: '直接打分应在 0–{points} 分之间，实际为 {found}', en: 'A direct score should be between 0 and {points}, found {found}' },
  'read.data.zeroDenominator': { zh: '分母为 0 而分子为 {numerator}，无法计算比率', en: 'The denominator is 0 while the numerator is {numerator}: no ratio can be computed' },
  'read.unit.unknown': { zh: '{column}"{found}"不是考核数据中的单位', en: '{column} "{found}" is not a unit of the assessment data' },
  'read.unit.ambiguous': { zh: '{column}"{found}"可能是 {candidates}，请写全称', en: '{column} "{found}" could be {candidates}: write the full name' },
  'read.assist.itemMissing': { zh: '没有"{item}"列：该项不考核', en: 'No column for "{item}": this item is not assessed' },
  'read.assist.poorUnknown': { zh: '不知道联点村"{village}"是否贫困村，按非贫困村考核', en: 'Whether the linked village "{village}" is a poor village is unknown: assessed as not poor' },
  'read.assist.missing': { zh: '"{item}"没有填写（确需按未达标处理，请在考核参数中设 缺失数据=按0分）', en: '"{item}" is blank (set 缺失数据=按0分 in 考核参数 to count blanks as not met)' },
  'read.assist.missingZero': { zh: '"{item}"没有填写，按未达标计（缺失数据=按0分）', en: '"{item}" is blank: counted as not met (缺失数据=按0分)' },
  'read.assist.days': { zh: '驻村天数应在 0–31 之间，实际为"{found}"', en: 'Days stayed in the village should be from 0 to 31, found "{found}"' },
  'read.check.ratioAboveOne': { zh: '"{indicator}"的比率为 {ratio}，超过 100%（{display}）：可能是超额完成，也可能是覆盖数多于实有数，请人工核实。', en: 'The ratio for "{indicator}" is {ratio}, above 100% ({display}): over-fulfilled, or more covered than exist; please check' },
  'read.check.outlier': { zh: '"{indicator}"的数值 {value} 明显偏离其他单位（中位数 {median}），请核实', en: 'The value {value} for "{indicator}" is far from the other units (median {median}); please check' },

  // ── reading: values (read/values.ts) ──
  // @section values
  'values.notNumber': { zh: '应为数字，实际为"{found}"', en: 'expected a number, found "{found}"' },
  'values.notRate': { zh: '应为 0–100% 的比率，实际为"{found}"', en: 'expected a rate between 0 and 100%, found "{found}"' },
  'values.rateOutOfRange': { zh: '比率应在 0–100% 之间，实际为"{found}"', en: 'a rate must lie between 0 and 100%, found "{found}"' },
  'values.notGrowth': { zh: '应为增长率（如 8% 或 -3%），实际为"{found}"', en: 'expected a growth rate (such as 8% or -3%), found "{found}"' },
  'values.notMoney': { zh: '应为金额（如 5万元 或 50000元），实际为"{found}"', en: 'expected an amount of money (such as 5万元 or 50000元), found "{found}"' },
  'values.negative': { zh: '应为不小于 0 的数，实际为"{found}"', en: 'expected a number of at least 0, found "{found}"' },
  'values.notFinite': { zh: '应为有限的数字，实际为"{found}"', en: 'expected a finite number, found "{found}"' },
  'values.uncachedFormula': { zh: '单元格是没有计算结果的公式"{found}"：请先在 Excel 或 WPS 中打开并保存该文件，再重新计算', en: 'the cell holds a formula with no calculated value ("{found}"): open and save the file in Excel or WPS first, then compute again' },
  'values.excelError': { zh: '单元格为错误值"{found}"，请先修正公式或数据', en: 'the cell holds the error value "{found}"; fix the formula or data first' },
  'values.dateNotNumber': { zh: '应为数字，实际为日期"{found}"', en: 'expected a number, found the date "{found}"' },
  'values.boolNotNumber': { zh: '应为数字，实际为逻辑值"{found}"', en: 'expected a number, found the logical value "{found}"' },
  'values.notYesNo': { zh: '应为"是"或"否"（也可写 有/无、完成/未完成、√/×、1/0），实际为"{found}"', en: 'expected yes or no (是/否, 有/无, 完成/未完成, √/×, 1/0), found "{found}"' },
  'values.notDate': { zh: '应为日期（如 2018-12-31），实际为"{found}"', en: 'expected a date (such as 2018-12-31), found "{found}"' },

  // ── compute: scoring, vetoes, ranking, grades (compute/*) ──
  // @section compute
  'compute.veto.below': { zh: '{indicator} {value}，低于否决阈值 {threshold}', en: '{indicator} is {value}, below the veto threshold {threshold}' },
  'compute.veto.above': { zh: '{indicator} {value}，高于否决阈值 {threshold}', en: '{indicator} is {value}, above the veto threshold {threshold}' },
  'compute.veto.problem': { zh: '{description}', en: '{description}' },
  'compute.veto.problemDetail': { zh: '{description}（{detail}）', en: '{description} ({detail})' },
  'compute.veto.problemSourceDate': { zh: '{description}（{source}，{date}）', en: '{description} ({source}, {date})' },
  'compute.interview.reason': { zh: '{conditionZh}：{textZh}', en: 'Veto condition {category} ({conditionEn}): {textEn}' },
  'compute.note.prominent': { zh: '扶贫领域发生突出问题（{ref}），评为"较差"', en: 'A prominent problem in poverty alleviation ({ref}): graded 较差 (poor)' },
  'compute.note.vetoedNotGood': { zh: '排名第 {rank}，在"好"等次的 {quota} 个名额内，但已取消评先资格，不评为"好"，名额顺延', en: 'Ranked {rank}, within the {quota} places for 好 (good), but award eligibility is cancelled: not graded 好; the place passes down' },
  'compute.note.tieAhead': { zh: '与{others}同分，按{dimension}排在前', en: 'Same total as {others}; placed ahead on {dimension}' },
  'compute.note.tieBehind': { zh: '与{others}同分，按{dimension}排在后', en: 'Same total as {others}; placed behind on {dimension}' },
  'compute.note.boundaryHigh': { zh: '与{others}并列第 {rank} 名，等次名额界线落在并列之中，按并列就高评为"{grade}"，请人工确认', en: 'Tied at rank {rank} with {others} across a grade quota boundary; ties take the better grade, so graded {grade} — please confirm' },
  'compute.note.boundaryLow': { zh: '与{others}并列第 {rank} 名，等次名额界线落在并列之中，按并列就低评为"{grade}"，请人工确认', en: 'Tied at rank {rank} with {others} across a grade quota boundary; ties take the lower grade, so graded {grade} — please confirm' },
  'compute.tie.high': { zh: '{units} 并列第 {rank} 名，"{better}"与"{worse}"的名额界线落在其中：按并列就高，均评为"{grade}"，请人工决定', en: '{units} are tied at rank {rank} across the quota boundary between {better} and {worse}: ties take the better grade, so all are graded {grade} — a person should decide' },
  'compute.tie.low': { zh: '{units} 并列第 {rank} 名，"{better}"与"{worse}"的名额界线落在其中：按并列就低，均评为"{grade}"，请人工决定', en: '{units} are tied at rank {rank} across the quota boundary between {better} and {worse}: ties take the lower grade, so all are graded {grade} — a person should decide' },

  // ── assistance checks (compute/assistance*.ts) ──
  // @section assistance
  'assistance.yes': { zh: '是', en: 'yes' },
  'assistance.no': { zh: '否', en: 'no' },
  'assistance.blank': { zh: '空', en: 'blank' },
  'assistance.na': { zh: '不适用', en: 'not applicable' },
  'assistance.visits.met': { zh: '{value} 次 ≥ {threshold} 次', en: '{value} visits ≥ {threshold} visits' },
  'assistance.visits.short': { zh: '{value} 次 < {threshold} 次', en: '{value} visits < {threshold} visits' },
  'assistance.visits.blank': { zh: '空，应 ≥ {threshold} 次', en: 'blank; needs ≥ {threshold} visits' },
  'assistance.funds.met': { zh: '{value} 万元 ≥ {threshold} 万元', en: '{value} ×10,000 yuan ≥ {threshold} ×10,000 yuan' },
  'assistance.funds.short': { zh: '{value} 万元 < {threshold} 万元', en: '{value} ×10,000 yuan < {threshold} ×10,000 yuan' },
  'assistance.funds.blank': { zh: '空，应 ≥ {threshold} 万元', en: 'blank; needs ≥ {threshold} ×10,000 yuan' },
  'assistance.bases.met': { zh: '{value} 个 ≥ {threshold} 个', en: '{value} bases ≥ {threshold} bases' },
  'assistance.bases.short': { zh: '{value} 个 < {threshold} 个', en: '{value} bases < {threshold} bases' },
  'assistance.bases.blank': { zh: '空，应 ≥ {threshold} 个', en: 'blank; needs ≥ {threshold} bases' },
  'assistance.count.met': { zh: '{value} ≥ {threshold}', en: '{value} ≥ {threshold}' },
  'assistance.count.short': { zh: '{value} < {threshold}', en: '{value} < {threshold}' },
  'assistance.count.blank': { zh: '空，应 ≥ {threshold}', en: 'blank; needs ≥ {threshold}' },
  'assistance.month': { zh: '{month}月 {days} 天', en: 'month {month}: {days} days' },
  'assistance.listSeparator': { zh: '、', en: '; ' },
  'assistance.months.met': { zh: '考核的 {count} 个月均 ≥ {threshold} 天', en: 'all {count} assessed months ≥ {threshold} days' },
  'assistance.months.short': { zh: '{shortZh}，低于 {threshold} 天', en: '{shortEn}, below {threshold} days' },
  'assistance.months.none': { zh: '没有任何月份的驻村天数', en: 'no month has days in the village recorded' },
  'assistance.minimum.met': { zh: '最少月驻村 {value} 天 ≥ {threshold} 天', en: 'fewest days in a month {value} ≥ {threshold} days' },
  'assistance.minimum.short': { zh: '最少月驻村 {value} 天 < {threshold} 天', en: 'fewest days in a month {value} < {threshold} days' },

  // ── output sheets, write plan, CLI (report/*, cli) ──
  // @section report
  'report.part.charts': { zh: '图表', en: 'charts' },
  'report.part.pivotTables': { zh: '数据透视表', en: 'pivot tables' },
  'report.part.drawings': { zh: '图片或图形', en: 'images or drawings' },
  'report.part.macros': { zh: '宏', en: 'macros' },
  'report.part.slicers': { zh: '切片器或日程表', en: 'slicers or timelines' },
  'report.part.embeddings': { zh: '嵌入对象或控件', en: 'embedded objects or controls' },
  'report.part.externalLinks': { zh: '外部链接或数据连接', en: 'external links or data connections' },
  'report.part.threadedComments': { zh: '批注会话', en: 'threaded comments' },
  'report.condition.1': { zh: '未完成年度减贫计划任务', en: 'annual poverty-reduction plan not completed' },
  'report.condition.2': { zh: '违反扶贫资金管理使用规定', en: 'poverty-alleviation funds managed or used against the rules' },
  'report.condition.3': { zh: '弄虚作假、搞"数字脱贫"', en: 'falsified figures ("poverty relief on paper")' },
  'report.condition.4': { zh: '贫困人口识别和退出准确率、帮扶工作群众满意度较低', en: 'low accuracy of identification or exit, or low public satisfaction' },
  'report.condition.5': { zh: '纪检、监察、审计和社会监督发现扶贫领域存在违纪违规问题', en: 'violations found by discipline inspection, supervision, audit or the public' },
  'report.vetoLine': { zh: '{condition}：{text}（依据：{evidence}）', en: '{condition}: {text} (evidence: {evidence})' },
  'report.noInterviews': { zh: '无需约谈的单位', en: 'No unit needs an interview' },
  'report.interviewer': { zh: '镇主要领导', en: 'principal leader of the town' },
  'report.eligible.kept': { zh: '保留', en: 'kept' },
  'report.eligible.cancelled': { zh: '取消', en: 'cancelled' },
  'report.vetoNote': { zh: '取消年终评先资格：\n{lines}', en: 'Year-end award eligibility cancelled:\n{lines}' },
  'report.demoNotice': { zh: '示例数据，仅供演示：单位负责人姓名与各项数据均为虚构。', en: 'Illustrative data for demonstration only: names and figures are invented.' },
  'report.pointsExample': { zh: '分值仅为示例（考核办法只规定了考核内容，未规定权重），请按镇党委、政府正式确定的权重修改。', en: 'The points are an example (the measures name the contents, not the weights): replace them with the town\'s official weights.' },
  'report.about.builtinSet': { zh: '使用内置指标（工作簿中没有"指标设置"表）。', en: 'Built-in indicator set used (the workbook has no 指标设置 sheet).' },
  'report.about.sheetSet': { zh: '使用工作簿"指标设置"表中的指标。', en: 'Indicators taken from the 指标设置 sheet of the workbook.' },
  'report.about.rule.grade': { zh: '等次：按总分排名，扶贫领域发生突出问题的为"较差"；其余单位中保留评先资格的前 {good} 名为"好"（被否决的单位不评"好"，名额顺延）；剩余单位中排名最后的 {average} 名为"一般"；其余为"较好"。', en: 'Grades: ranked by total; a unit with a prominent problem is 较差; of the rest, the first {good} that keep award eligibility are 好 (a vetoed unit is never 好, the place passes down); of those left, the last {average} are 一般; everyone else is 较好.' },
  'report.about.rule.ties': { zh: '同分：总分（保留两位小数）相同时依次比较 {dims} 的得分；仍相同的单位并列同一名次（如 1、2、2、4）。等次界线落在并列单位之间时：{mode}，并在"数据核验"中列出，供人工决定。', en: 'Ties: equal totals (to 2 decimals) are ordered by {dims}; units still equal share a rank (1, 2, 2, 4). A grade boundary inside a tie: {mode}, listed in 数据核验 for a human decision.' },
  'report.about.tie.high': { zh: '并列就高', en: 'all get the better grade' },
  'report.about.tie.low': { zh: '并列就低', en: 'all get the lower grade' },
  'report.about.rule.byType': { zh: '排名范围：{scope}。', en: 'Ranking scope: {scope}.' },
  'report.about.scope.together': { zh: '村和社区合并排名', en: 'villages and communities ranked together' },
  'report.about.scope.byType': { zh: '按类型分别排名', en: 'each type ranked separately' },
  'report.about.rule.veto1': { zh: '否决条件1（未完成年度减贫计划任务）：由"指标设置"中否决类别为1的指标判定，数值低于否决阈值即触发。', en: 'Veto 1: an indicator with veto category 1 whose value is below its threshold.' },
  'report.about.rule.veto2': { zh: '否决条件2（违反扶贫资金管理使用规定）：由"问题清单"中问题类别为2的记录判定。', en: 'Veto 2: a 问题清单 row of category 2.' },
  'report.about.rule.veto3': { zh: '否决条件3（弄虚作假、搞"数字脱贫"）：由"问题清单"中问题类别为3的记录判定。', en: 'Veto 3: a 问题清单 row of category 3.' },
  'report.about.rule.veto4': { zh: '否决条件4（识别和退出准确率、群众满意度较低）：由否决类别为4的指标（数值低于否决阈值）或"问题清单"中类别为4的记录判定。', en: 'Veto 4: an indicator with veto category 4 below its threshold, or a 问题清单 row of category 4.' },
  'report.about.rule.veto5': { zh: '否决条件5（纪检、监察、审计和社会监督发现违纪违规问题）：由"问题清单"中问题类别为5的记录判定。', en: 'Veto 5: a 问题清单 row of category 5.' },
  'report.about.rule.vetoEffect': { zh: '触发任一否决条件：取消年终评先资格，列入约谈名单，由镇主要领导约谈主要负责人，整改期限为考核日期后 {days} 天（{deadline}）。"问题清单"中标为突出问题的单位评为"较差"。', en: 'Any veto cancels award eligibility and puts the unit on the interview list; rectification within {days} days of the assessment date ({deadline}). A prominent problem makes the unit 较差.' },
  'report.about.rule.missing.error': { zh: '缺失数据：报错（空白单元格不会被当作 0 分）。', en: 'Missing data: an error (a blank is never scored 0 silently).' },
  'report.about.rule.missing.zero': { zh: '缺失数据：按 0 分计，每一处均在"数据核验"中列出。', en: 'Missing data: scored 0, each one listed in 数据核验.' },
  'report.about.rule.rounding': { zh: '计算精度：全精度计算，显示时四舍五入保留两位小数；排名按显示的两位小数比较。', en: 'Rounding: computed in full precision, shown rounded half away from zero to 2 decimals; ranking compares the shown values.' },
  'report.about.rule.conversion': { zh: '年终折算：折算分 = 总分 × {value} ÷ {points}。', en: 'Year-end conversion: converted = total × {value} ÷ {points}.' },
  'report.about.given': { zh: '考核参数', en: 'from 考核参数' },
  'report.about.default': { zh: '默认值', en: 'default' },
  'report.param.town': { zh: '乡镇名称，用于各表标题。', en: 'Town name, used in the titles.' },
  'report.param.year': { zh: '留空则取考核日期所在年度。', en: 'Blank: the year of the assessment date.' },
  'report.param.date': { zh: '格式 YYYY-MM-DD；留空则为考核年度 12 月 31 日。', en: 'YYYY-MM-DD; blank: 31 December of the year.' },
  'report.param.deadlineDays': { zh: '约谈整改期限：考核日期后的天数。', en: 'Rectification deadline, in days after the assessment date.' },
  'report.param.goodQuota': { zh: '"好"等次名额（考核办法：前3名）。', en: 'Number of 好 grades (measures: the first 3).' },
  'report.param.averageQuota': { zh: '"一般"等次名额（考核办法：靠后的2名）。', en: 'Number of 一般 grades (measures: the last 2).' },
  'report.param.tieMode': { zh: '等次界线落在并列单位之间时：就高 或 就低。', en: 'Grade boundary inside a tie: 就高 (better) or 就低 (lower).' },
  'report.param.tieBreak': { zh: '总分相同时依次比较的维度，用顿号分隔；留空则按指标设置中维度的顺序。', en: 'Dimensions compared on equal totals, separated by 、; blank: the order of the indicator table.' },
  'report.param.rankByType': { zh: '是：村和社区分别排名；否：合并排名。', en: '是: rank each type separately; 否: rank together.' },
  'report.param.missing': { zh: '报错 或 按0分。', en: '报错 (error) or 按0分 (score 0).' },
  'report.param.conversion': { zh: '年终目标管理折算的分值；留空则不折算。', en: 'Year-end conversion points; blank: no conversion.' },
  'report.param.visits': { zh: '帮扶单位正职到联点村现场办公次数下限。', en: 'Minimum on-site visits by the head of an assistance unit.' },
  'report.param.fundsPoor': { zh: '贫困村帮扶单位的帮扶资金物资下限（万元）。', en: 'Minimum funds for a poor village, 万元.' },
  'report.param.fundsOther': { zh: '非贫困村帮扶单位的帮扶资金物资下限（万元）。', en: 'Minimum funds for another village, 万元.' },
  'report.param.bases': { zh: '支持联点村建立产业发展基地个数下限。', en: 'Minimum industrial bases supported.' },
  'report.param.daysPerMonth': { zh: '工作队员每月驻村天数下限。', en: 'Minimum days in the village per month.' },
  'cli.usage': { zh: '用法：\n  npm run cli -- compute <输入.xlsx> [-o <输出.xlsx>] [--json] [--force] [--lang zh|en]\n  npm run cli -- template <输出.xlsx> [--demo] [--force]\n  npm run cli -- --help', en: 'Usage:\n  npm run cli -- compute <in.xlsx> [-o <out.xlsx>] [--json] [--force] [--lang zh|en]\n  npm run cli -- template <out.xlsx> [--demo] [--force]\n  npm run cli -- --help' },
  'cli.unknownCommand': { zh: '未知命令"{command}"。', en: 'Unknown command "{command}".' },
  'cli.unknownOption': { zh: '未知选项"{option}"。', en: 'Unknown option "{option}".' },
  'cli.missingFile': { zh: '缺少文件参数。', en: 'Missing file argument.' },
  'cli.extraArgument': { zh: '多余的参数"{arg}"。', en: 'Unexpected argument "{arg}".' },
  'cli.missingValue': { zh: '选项 {option} 需要一个值。', en: 'Option {option} needs a value.' },
  'cli.badLang': { zh: '--lang 只能是 zh 或 en，实际为"{lang}"。', en: '--lang must be zh or en, not "{lang}".' },
  'cli.noCommand': { zh: '缺少命令（compute 或 template）。', en: 'Missing command (compute or template).' },
  'cli.fileNotFound': { zh: '找不到文件"{file}"。', en: 'File not found: "{file}".' },
  'cli.notXlsx': { zh: '"{file}"不是可读取的 .xlsx 工作簿。', en: '"{file}" is not a readable .xlsx workbook.' },
  'cli.outputExists': { zh: '文件"{file}"已存在；如需覆盖请加 --force。', en: 'File "{file}" exists; add --force to overwrite it.' },
  'cli.sameAsInput': { zh: '输出文件不能与输入文件相同："{file}"。', en: 'The output file must not be the input file: "{file}".' },
  'cli.writeFailed': { zh: '无法写入"{file}"：{reason}', en: 'Cannot write "{file}": {reason}' },
  'cli.inputErrors': { zh: '输入有 {count} 处错误，未写入任何文件：', en: 'The input has {count} error(s); nothing was written:' },
  'cli.written': { zh: '结果已写入：{file}', en: 'Results written to: {file}' },
  'cli.templateWritten': { zh: '模板已写入：{file}', en: 'Template written to: {file}' },
  'cli.uncarriable': { zh: '输入工作簿含有无法原样保留的内容（{parts}），结果表已另存为新工作簿：{file}', en: 'The input holds parts the writer cannot carry over ({parts}); the result sheets were written to a new workbook: {file}' },
  'cli.renamed': { zh: '已有用户工作表"{wanted}"，结果写入"{actual}"。', en: 'A sheet "{wanted}" of yours exists; the result went to "{actual}".' },
  'cli.heading.ranking': { zh: '考核结果', en: 'Results' },
  'cli.heading.interviews': { zh: '约谈名单', en: 'Interviews' },
  'cli.heading.assistance': { zh: '帮扶单位未达标事项', en: 'Assistance units: items not met' },
  'cli.heading.warnings': { zh: '数据核验提示', en: 'Warnings' },
  'cli.interviewLine': { zh: '{unit}（{person}），整改期限 {deadline}', en: '{unit} ({person}), rectify by {deadline}' },
  'cli.assistanceAllPassed': { zh: '全部帮扶单位达标。', en: 'Every assistance unit passed.' },
  'cli.noInterviews': { zh: '无需约谈的单位。', en: 'No unit needs an interview.' },
  'cli.unknownPerson': { zh: '负责人未填', en: 'person not given' },
  'cli.table.rank': { zh: '排名', en: 'Rank' },
  'cli.table.unit': { zh: '单位', en: 'Unit' },
  'cli.table.type': { zh: '类型', en: 'Type' },
  'cli.table.total': { zh: '总分', en: 'Total' },
  'cli.table.grade': { zh: '等次', en: 'Grade' },
  'cli.table.interview': { zh: '约谈', en: 'Interview' },
  'cli.yes': { zh: '是', en: 'yes' },
  'cli.no': { zh: '否', en: 'no' },

  // ── workbook files: reading .xlsx packages (io/xlsx/*) ──
  'xlsx.notZip': { zh: '这不是 .xlsx 工作簿（文件不是 zip 压缩包，可能已损坏或是其他类型的文件）。请在 Excel 或 WPS 中打开它，另存为 .xlsx（Excel 工作簿）后再试。', en: 'This is not an .xlsx workbook (the file is not a zip package; it may be damaged or of another type). Open it in Excel or WPS, save it as .xlsx (Excel Workbook) and try again.' },
  'xlsx.encrypted': { zh: '工作簿设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中用密码打开，删除密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并另存为 .xlsx 后再试。', en: 'The workbook is password-protected (encrypted) and cannot be read. Open it in Excel or WPS with its password, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save it as .xlsx and try again.' },
  'xlsx.legacy': { zh: '这是旧版 .xls 或 WPS .et 工作簿，只能读取 .xlsx。请在 Excel 或 WPS 中打开它，另存为 .xlsx（Excel 工作簿）后再试。', en: 'This is an old-style .xls (or WPS .et) workbook; only .xlsx can be read. Open it in Excel or WPS, save it as .xlsx (Excel Workbook) and try again.' },
  'xlsx.ods': { zh: '这是 OpenDocument 表格（.ods），只能读取 .xlsx。请在 Excel、WPS 或 LibreOffice 中打开它，另存为 .xlsx（Excel 工作簿）后再试。', en: 'This is an OpenDocument spreadsheet (.ods); only .xlsx can be read. Open it in Excel, WPS or LibreOffice, save it as .xlsx (Excel Workbook) and try again.' },
  'xlsx.notWorkbook': { zh: '这个 zip 包不是 Excel 工作簿（找不到工作簿部件{part}）。请选择 .xlsx 文件，或在 Excel 或 WPS 中另存为 .xlsx 后再试。', en: 'This zip package is not an Excel workbook (no workbook part{part}). Choose an .xlsx file, or save it as .xlsx in Excel or WPS and try again.' },
  'xlsx.corrupt': { zh: '工作簿文件已损坏（{detail}）。请在 Excel 或 WPS 中打开并修复，另存为 .xlsx 后再试。', en: 'The workbook file is damaged ({detail}). Open it in Excel or WPS to repair it, save it as .xlsx and try again.' },
  'xlsx.unsupportedZip': { zh: '工作簿中的部件"{part}"使用了不支持的压缩方式（{detail}）。请在 Excel 或 WPS 中另存为 .xlsx 后再试。', en: 'The part "{part}" of the workbook uses an unsupported zip feature ({detail}). Save the workbook as .xlsx in Excel or WPS and try again.' },
  'xlsx.bomb': { zh: '工作簿中的部件"{part}"解压后异常膨胀（压缩比超过 {ratio}:1），可能是恶意文件，已停止读取。', en: 'The part "{part}" of the workbook expands abnormally when unpacked (over {ratio}:1); it may be a hostile file, so reading stopped.' },
  'xlsx.partTooLarge': { zh: '工作簿中的部件"{part}"解压后超过 {limit} MB 的上限，已停止读取。', en: 'The part "{part}" of the workbook is over the limit of {limit} MB when unpacked; reading stopped.' },
  'xlsx.badXml': { zh: '工作簿中的部件"{part}"不是有效的 XML（{detail}）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。', en: 'The part "{part}" of the workbook is not valid XML ({detail}). Open it in Excel or WPS, save it as .xlsx and try again.' },
  'xlsx.doctype': { zh: '工作簿中的部件"{part}"含有文档类型声明（DOCTYPE），Excel 工作簿不会有这种内容，出于安全考虑已拒绝读取。', en: 'The part "{part}" of the workbook holds a document type declaration (DOCTYPE), which Excel workbooks never contain; it was refused for safety.' },
  'xlsx.sheetTooLarge': { zh: '工作表"{sheet}"解压后超过 {limit} MB 的上限（数据量超过上限），未读取。', en: 'Sheet "{sheet}" is over the limit of {limit} MB when unpacked (too much data); it was not read.' },
  'xlsx.sheetBomb': { zh: '工作表"{sheet}"解压后异常膨胀（压缩比超过 {ratio}:1），可能是恶意文件，未读取。', en: 'Sheet "{sheet}" expands abnormally when unpacked (over {ratio}:1); it may be a hostile file and was not read.' },
  'xlsx.tooManyCells': { zh: '工作表"{sheet}"的单元格超过 {limit} 个（数据量超过上限），未读取。请删除多余的内容后再试。', en: 'Sheet "{sheet}" holds more than {limit} cells (too much data); it was not read. Remove what is not needed and try again.' },
  'xlsx.tooManyRows': { zh: '工作表"{sheet}"超过 1,048,576 行（文件有误），未读取。', en: 'Sheet "{sheet}" goes beyond row 1,048,576 (the file is faulty); it was not read.' },
  'xlsx.tooManyCols': { zh: '工作表"{sheet}"超过 XFD 列（16,384 列，文件有误），未读取。', en: 'Sheet "{sheet}" goes beyond column XFD (16,384 columns; the file is faulty); it was not read.' },
  'xlsx.sheetPartMissing': { zh: '工作表"{sheet}"的内容在文件中找不到（{part}），未读取。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。', en: 'The content of sheet "{sheet}" is missing from the file ({part}); it was not read. Open the workbook in Excel or WPS, save it as .xlsx and try again.' },
  'xlsx.notWorksheet': { zh: '"{sheet}"不是普通工作表（而是图表或对话框工作表），没有单元格可读。', en: '"{sheet}" is not an ordinary worksheet (it is a chart or dialog sheet) and has no cells to read.' },
  'xlsx.sheetBadXml': { zh: '工作表"{sheet}"的内容不是有效的 XML（{detail}），未读取。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。', en: 'The content of sheet "{sheet}" is not valid XML ({detail}); it was not read. Open the workbook in Excel or WPS, save it as .xlsx and try again.' },

  // ── task pane and ribbon command (taskpane/*, commands/*) ──
  // @section ui
  // ribbon command and the Excel adapter (commands/*, io/office*.ts)
  'ui.command.done': { zh: '已计算 {units} 个单位：好 {good} 个、较好 {fair} 个、一般 {average} 个、较差 {poor} 个；需约谈 {interviews} 个单位。结果已写入"{sheet}"等工作表。', en: '{units} units computed: 好 {good}, 较好 {fair}, 一般 {average}, 较差 {poor}; {interviews} to be interviewed. The results are in "{sheet}" and the sheets after it.' },
  'ui.command.warnings': { zh: '另有 {count} 条数据核验提示，见"数据核验"工作表。', en: '{count} warning(s) to check: see the 数据核验 sheet.' },
  'ui.command.renamed': { zh: '已有同名的用户工作表"{wanted}"，结果写入了"{actual}"。', en: 'A sheet "{wanted}" of yours exists: the result went to "{actual}".' },
  'ui.command.errors': { zh: '输入有 {count} 处错误，未写入任何结果：', en: 'The input has {count} error(s); nothing was written:' },
  'ui.command.moreErrors': { zh: '……另有 {count} 处错误。', en: '… and {count} more.' },
  'ui.command.openPane': { zh: '请点击"打开考核面板"，再点"检查数据"，逐条定位并修改出错的单元格。', en: 'Click "Open assessment pane", then "Check data" to go to each cell and fix it.' },
  'ui.command.failed': { zh: '计算未完成：{reason}', en: 'The computation did not finish: {reason}' },
  'ui.command.titleDone': { zh: '考核结果已生成', en: 'Results written' },
  'ui.command.titleErrors': { zh: '数据有误，未计算', en: 'Data errors: nothing computed' },
  'ui.command.titleFailed': { zh: '计算未完成', en: 'Not finished' },
  'ui.command.close': { zh: '关闭', en: 'Close' },
  'ui.office.invalidArgument': { zh: 'Excel 拒绝了一项操作（参数无效）。请确认工作簿未处于单元格编辑状态后重试。', en: 'Excel refused an operation (invalid argument). Make sure no cell is being edited, then try again.' },
  'ui.office.itemNotFound': { zh: '找不到所需的工作表或单元格，可能刚被改名或删除。请重试。', en: 'A sheet or cell that is needed was not found; it may have just been renamed or deleted. Please try again.' },
  'ui.office.itemAlreadyExists': { zh: '要新建的工作表名称已被占用。请重试；若仍失败，请改名或删除同名工作表。', en: 'The name of a sheet to be added is already taken. Try again; if it still fails, rename or delete that sheet.' },
  'ui.office.accessDenied': { zh: '工作簿或工作表受保护，或以只读方式打开，无法写入结果。请撤销保护或另存一份后重试。', en: 'The workbook or a sheet is protected, or opened read-only, so the results cannot be written. Unprotect it or save a copy, then try again.' },
  'ui.office.editMode': { zh: '有单元格正处于编辑状态。请按 Enter 或 Esc 结束编辑后重试。', en: 'A cell is being edited. Press Enter or Esc to finish, then try again.' },
  'ui.office.payloadTooLarge': { zh: '一次读写的数据量超出 Excel 的限制。请删除工作表中多余的空行空列后重试。', en: 'Too much data for one request to Excel. Delete unused rows and columns in the sheets, then try again.' },
  'ui.office.apiNotFound': { zh: '此版本的 Excel 不支持所需的功能。请更新 Office 后重试。', en: 'This version of Excel lacks a feature that is needed. Update Office, then try again.' },
  'ui.office.busy': { zh: 'Excel 正忙（可能在计算或有其他操作冲突）。请稍候再试。', en: 'Excel is busy (calculating, or another change conflicts). Please try again in a moment.' },
  'ui.office.general': { zh: 'Excel 内部出错（{code}）。请保存工作簿后重试。', en: 'Excel reported an internal error ({code}). Save the workbook and try again.' },
  'ui.office.notInExcel': { zh: '未连接到 Excel：此页面需要在 Excel 中作为加载项打开。', en: 'Not connected to Excel: this page must be opened as an add-in inside Excel.' },
  'ui.office.unknown': { zh: '出现意外错误：{detail}', en: 'Unexpected error: {detail}' },
  'ui.title': { zh: '村(社区)脱贫攻坚工作考核', en: 'Village poverty-alleviation assessment' },
  'ui.starting': { zh: '正在启动……', en: 'Starting…' },
  'ui.file.open': { zh: '打开 Excel 文件（.xlsx）', en: 'Open an Excel file (.xlsx)' },
  'ui.file.drop': { zh: '也可以把文件拖到这里', en: 'or drop the file here' },
  'ui.file.private': { zh: '文件只在本机处理，不会离开这台电脑。', en: 'The file is processed on this computer only; it never leaves it.' },
  'ui.file.opened': { zh: '已打开：{name}', en: 'Opened: {name}' },
  'ui.file.opening': { zh: '正在打开……', en: 'Opening…' },
  'ui.file.wrongType': { zh: '"{name}"不是 .xlsx 文件：请选择 .xlsx 工作簿（.xls 请先在 Excel 中另存为 .xlsx）。', en: '"{name}" is not an .xlsx file: choose an .xlsx workbook (save an .xls as .xlsx in Excel first).' },
  'ui.file.notXlsx': { zh: '无法读取"{name}"：它不是有效的 .xlsx 工作簿。', en: 'Cannot read "{name}": it is not a valid .xlsx workbook.' },
  'ui.file.none': { zh: '请先打开一个 .xlsx 文件。', en: 'Open an .xlsx file first.' },
  'ui.roles.heading': { zh: '角色', en: 'Sheet roles' },
  'ui.roles.hint': { zh: '每种数据在哪张工作表中（默认按表名）。', en: 'Which sheet holds which data (by default, by sheet name).' },
  'ui.role.data': { zh: '考核数据', en: 'Assessment data (考核数据)' },
  'ui.role.indicators': { zh: '指标设置', en: 'Indicators (指标设置)' },
  'ui.role.problems': { zh: '问题清单', en: 'Problem list (问题清单)' },
  'ui.role.assistance': { zh: '帮扶单位', en: 'Assistance units (帮扶单位)' },
  'ui.role.params': { zh: '考核参数', en: 'Parameters (考核参数)' },
  'ui.role.none': { zh: '（无）', en: '(none)' },
  'ui.role.choose': { zh: '请选择工作表', en: 'Choose a sheet' },
  'ui.role.builtinIndicators': { zh: '（无）：使用内置指标（分值仅为示例）', en: '(none): the built-in indicators are used (example points)' },
  'ui.template.heading': { zh: '插入模板', en: 'Insert a template' },
  'ui.template.headingFile': { zh: '下载模板', en: 'Download a template' },
  'ui.template.hint': { zh: '添加考核数据、指标设置、问题清单、帮扶单位、考核参数五张表；已有的同名表不会改动。', en: 'Adds the five input sheets (考核数据, 指标设置, 问题清单, 帮扶单位, 考核参数); an existing sheet of the same name is left as it is.' },
  'ui.template.blank': { zh: '空白模板', en: 'Blank template' },
  'ui.template.demo': { zh: '示例数据', en: 'Demo data' },
  'ui.template.added': { zh: '已插入：{sheets}', en: 'Inserted: {sheets}' },
  'ui.template.skipped': { zh: '已有同名工作表，未改动也未插入：{sheets}', en: 'These sheets exist already and were left unchanged: {sheets}' },
  'ui.template.downloaded': { zh: '模板已生成：{file}', en: 'Template ready: {file}' },
  'ui.check.button': { zh: '检查数据', en: 'Check data' },
  'ui.check.running': { zh: '正在检查数据……', en: 'Checking the data…' },
  'ui.check.counts': { zh: '{errors} 处错误，{warnings} 处提示', en: '{errors} error(s), {warnings} warning(s)' },
  'ui.check.clean': { zh: '数据检查通过，没有错误，也没有需要核实的提示。', en: 'The data passed every check: no errors, nothing to verify.' },
  'ui.check.ready': { zh: '没有错误，可以计算。', en: 'No errors: ready to compute.' },
  'ui.issue.error': { zh: '错误', en: 'Error' },
  'ui.issue.warning': { zh: '提示', en: 'Warning' },
  'ui.issue.goto': { zh: '转到 {sheet}!{cell}', en: 'Go to {sheet}!{cell}' },
  'ui.compute.button': { zh: '计算排名', en: 'Compute ranking' },
  'ui.compute.running': { zh: '正在计算……', en: 'Computing…' },
  'ui.compute.inputErrors': { zh: '发现 {count} 处数据错误，未写入任何结果', en: 'Found {count} data error(s); no results were written' },
  'ui.compute.done': { zh: '计算完成，已写入 {count} 张结果表。', en: 'Done: {count} result sheet(s) written.' },
  'ui.compute.doneFile': { zh: '计算完成，结果文件已生成：{file}', en: 'Done: the result file is ready: {file}' },
  'ui.summary.heading': { zh: '考核结果', en: 'Results' },
  'ui.summary.grade': { zh: '{grade}（{count}）：{names}', en: '{grade} ({count}): {names}' },
  'ui.summary.none': { zh: '无', en: 'none' },
  'ui.summary.separator': { zh: '、', en: ', ' },
  'ui.grade.好': { zh: '好', en: 'Good (好)' },
  'ui.grade.较好': { zh: '较好', en: 'Fairly good (较好)' },
  'ui.grade.一般': { zh: '一般', en: 'Fair (一般)' },
  'ui.grade.较差': { zh: '较差', en: 'Poor (较差)' },
  'ui.summary.interviews': { zh: '约谈名单', en: 'Interview list' },
  'ui.summary.interviewLine': { zh: '{unit}（{person}），整改期限 {deadline}', en: '{unit} ({person}), rectify by {deadline}' },
  'ui.summary.noPerson': { zh: '负责人未填', en: 'person not given' },
  'ui.summary.noInterviews': { zh: '无需约谈的单位。', en: 'No unit needs an interview.' },
  'ui.summary.assistance': { zh: '未达标的帮扶单位', en: 'Assistance units that failed' },
  'ui.summary.assistanceLine': { zh: '{name}（联点村 {village}）：{items}', en: '{name} (linked village {village}): {items}' },
  'ui.summary.assistanceAllPassed': { zh: '全部帮扶单位达标。', en: 'Every assistance unit passed.' },
  'ui.summary.warnings': { zh: '数据核验提示：{count} 处', en: 'Warnings to verify: {count}' },
  'ui.summary.sheets': { zh: '结果表', en: 'Result sheets' },
  'ui.summary.download': { zh: '下载 {file}', en: 'Download {file}' },
  'ui.summary.renamed': { zh: '已有用户工作表"{wanted}"，结果写入"{actual}"。', en: 'A sheet "{wanted}" of yours exists; the result went to "{actual}".' },
  'ui.summary.separate': { zh: '原文件含有无法原样保留的内容（{parts}），结果表已另存为单独的工作簿，原文件未改动。', en: 'The file holds parts that cannot be carried over ({parts}); the result sheets are in a separate workbook and your file is unchanged.' },
  'ui.error.title': { zh: '出错了', en: 'Something went wrong' },
  'ui.error.unexpected': { zh: '意外错误：{detail}', en: 'Unexpected error: {detail}' },
  'ui.error.dismiss': { zh: '关闭', en: 'Dismiss' },

  // ── workbook files: writing packages and the CLI's output safety (io/xlsx/write*, cli/files.ts) ──
  'files.outputNotKaohe': { zh: '文件"{file}"已存在，且不是 Kaohe 写出的结果工作簿（其中没有 Kaohe 的登记表）；为免覆盖别的文件，未写入。请换一个输出文件名，或加 --force 覆盖。', en: 'File "{file}" exists and is not a result workbook Kaohe wrote (it has no Kaohe registry sheet); it was not overwritten. Choose another output name, or add --force to overwrite it.' },
  'files.diskFull': { zh: '磁盘空间不足，无法写入"{file}"；未留下不完整的文件，原有的同名文件（如有）保持不变。', en: 'The disk is full; "{file}" could not be written. No partial file was left, and an existing file of that name (if any) is unchanged.' },
  'files.macroExtension': { zh: '输入工作簿含有宏（.xlsm），结果也含宏，输出文件名必须以 .xlsm 结尾："{file}"。', en: 'The input workbook holds macros (.xlsm), so the result does too: the output file name must end in .xlsm: "{file}".' },
  'files.plainExtension': { zh: '输入工作簿不含宏，输出文件名应以 .xlsx 结尾："{file}"。', en: 'The input workbook holds no macros: the output file name must end in .xlsx: "{file}".' },
  'files.tooLarge': { zh: '结果工作簿将超过 4 GB，无法写入"{file}"。请减少单位或指标的数量后再试。', en: 'The result workbook would exceed 4 GB; "{file}" was not written. Reduce the number of units or indicators and try again.' },
  'files.unexpected': { zh: '发生意外错误：{reason}', en: 'Unexpected error: {reason}' },

  // ── deployable package and the health page (scripts/package*, check/*) ──
  // @section package
  'package.usage': {
    zh: '用法：npm run package -- --base-url https://服务器/路径/ [--officejs global|china|bundled] [--version 1.0.7.0] [--out pkg]',
    en: 'Usage: npm run package -- --base-url https://server/path/ [--officejs global|china|bundled] [--version 1.0.7.0] [--out pkg]',
  },
  'package.option.unknown': { zh: '不认识的选项“{found}”。', en: 'Unknown option "{found}".' },
  'package.option.missingValue': { zh: '选项 {option} 后面缺少取值。', en: 'Option {option} needs a value.' },
  'package.baseUrl.missing': {
    zh: '缺少 --base-url：请给出加载项文件将要放置的 HTTPS 地址，例如 --base-url https://example.org/kaohe/。',
    en: 'Missing --base-url: give the HTTPS address the add-in files will be served from, e.g. --base-url https://example.org/kaohe/.',
  },
  'package.baseUrl.invalid': {
    zh: '--base-url“{found}”不是完整的网址，应形如 https://example.org/kaohe/。',
    en: '--base-url "{found}" is not a complete URL; expected something like https://example.org/kaohe/.',
  },
  'package.baseUrl.notHttps': {
    zh: '--base-url“{found}”必须以 https:// 开头：Office 只从 HTTPS 地址加载加载项。',
    en: '--base-url "{found}" must start with https://: Office loads add-ins only over HTTPS.',
  },
  'package.baseUrl.local': {
    zh: '--base-url“{found}”指向本机（{host}），办公室的电脑访问不到；请填写服务器的地址。',
    en: '--base-url "{found}" points to this computer ({host}), which office PCs cannot reach; give the server\'s address.',
  },
  'package.baseUrl.extra': {
    zh: '--base-url“{found}”不能带用户名、密码、查询串（?）或锚点（#）。',
    en: '--base-url "{found}" must not contain a user name, password, query (?) or fragment (#).',
  },
  'package.baseUrl.slashAdded': {
    zh: '--base-url 末尾没有“/”，已按文件夹处理为 {fixed}。',
    en: '--base-url had no trailing "/"; treated as a folder: {fixed}.',
  },
  'package.officejs.invalid': {
    zh: '--officejs“{found}”无效，应为 global（微软全球 CDN）、china（世纪互联 CDN）或 bundled（随包附带）。',
    en: '--officejs "{found}" is not valid; expected global (Microsoft CDN), china (21Vianet CDN) or bundled (shipped in the package).',
  },
  'package.version.invalid': {
    zh: '--version“{found}”无效，应为四段数字，如 1.0.7.0（每段 0–65535）。',
    en: '--version "{found}" is not valid; expected four numbers such as 1.0.7.0 (each 0–65535).',
  },
  'package.build.failed': {
    zh: 'webpack 构建失败（退出码 {status}），未生成安装包。详情见上方输出。',
    en: 'The webpack build failed (exit code {status}); no package was written. See the output above.',
  },
  'package.dist.missing': {
    zh: '构建结果中缺少 {file}，无法打包。',
    en: 'The build output has no {file}; cannot package.',
  },
  'package.manifest.missing': {
    zh: '找不到加载项清单 {file}。',
    en: 'The add-in manifest {file} was not found.',
  },
  'package.manifest.noVersion': {
    zh: '清单中找不到唯一的 <Version> 元素。',
    en: 'The manifest has no single <Version> element.',
  },
  'package.manifest.localLeft': {
    zh: '清单中仍有指向本机的地址：{found}。',
    en: 'The manifest still contains a local address: {found}.',
  },
  'package.manifest.fileMissing': {
    zh: '清单引用了 {url}，但安装包中没有文件 {file}。',
    en: 'The manifest refers to {url}, but the package has no file {file}.',
  },
  'package.manifest.invalid': {
    zh: '生成的清单未通过 XSD 校验：{detail}',
    en: 'The produced manifest failed the XSD check: {detail}',
  },
  'package.done': {
    zh: '已生成安装包：{folder}（{folderSize}，{fileCount} 个文件）和 {zip}（{zipSize}）；版本 {version}，Office.js 来源 {officejs}。',
    en: 'Package written: {folder} ({folderSize}, {fileCount} files) and {zip} ({zipSize}); version {version}, Office.js from {officejs}.',
  },
  'check.title': { zh: 'Kaohe 考核 · 部署自检', en: 'Kaohe deployment health check' },
  'check.version.heading': { zh: '部署的版本', en: 'Deployed version' },
  'check.version.value': {
    zh: '版本 {version}，构建于 {builtAt}，Office.js 来源：{officejs}',
    en: 'Version {version}, built {builtAt}, Office.js from: {officejs}',
  },
  'check.version.unknown': {
    zh: '读不到 files.json（{reason}），无法确定部署的版本，也无法检查文件。请确认整个安装包文件夹都已复制到服务器。',
    en: 'Cannot read files.json ({reason}): the deployed version is unknown and files cannot be checked. Make sure the whole package folder was copied to the server.',
  },
  'check.files.heading': { zh: '安装包文件', en: 'Package files' },
  'check.files.running': { zh: '正在检查 {count} 个文件……', en: 'Checking {count} files…' },
  'check.files.ok': {
    zh: '全部 {count} 个文件均可访问，大小与 SHA-256 一致。',
    en: 'All {count} files are served, with matching size and SHA-256.',
  },
  'check.files.okSizeOnly': {
    zh: '全部 {count} 个文件均可访问，大小一致（此页不是经 HTTPS 打开，浏览器不能计算 SHA-256）。',
    en: 'All {count} files are served with matching size (this page is not on HTTPS, so the browser cannot compute SHA-256).',
  },
  'check.files.bad': {
    zh: '{count} 个文件中有 {bad} 个有问题：',
    en: '{bad} of {count} files have problems:',
  },
  'check.file.httpError': { zh: '{path}：服务器返回 HTTP {status}', en: '{path}: the server answered HTTP {status}' },
  'check.file.networkError': { zh: '{path}：取不到（{reason}）', en: '{path}: could not be fetched ({reason})' },
  'check.file.sizeMismatch': {
    zh: '{path}：大小为 {found} 字节，应为 {expected} 字节',
    en: '{path}: {found} bytes, expected {expected}',
  },
  'check.file.hashMismatch': {
    zh: '{path}：内容与打包时不同（SHA-256 不一致）',
    en: '{path}: content differs from the package (SHA-256 mismatch)',
  },
  'check.officejs.heading': { zh: 'Office.js', en: 'Office.js' },
  'check.officejs.loading': { zh: '正在加载 {url} ……', en: 'Loading {url}…' },
  'check.officejs.loaded': { zh: '已加载：{url}', en: 'Loaded: {url}' },
  'check.officejs.failed': {
    zh: '无法加载：{url}（{reason}）。在 Excel 中加载项将无法连接工作簿；浏览器文件模式仍可使用。',
    en: 'Not reachable: {url} ({reason}). In Excel the add-in cannot reach the workbook; the browser file mode still works.',
  },
  'check.officejs.unknown': {
    zh: '没有 files.json，不知道应从哪里加载 Office.js。',
    en: 'Without files.json the Office.js address is unknown.',
  },
  'check.officejs.reasonError': { zh: '加载出错或被拦截', en: 'load error or blocked' },
  'check.officejs.reasonTimeout': { zh: '{seconds} 秒内无响应', en: 'no answer within {seconds} s' },
  'check.officejs.reasonNoGlobal': {
    zh: '脚本已下载，但没有定义 Office 对象',
    en: 'the script arrived but did not define Office',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageCode = keyof typeof catalog;

/** All codes, for tests that check both languages are filled in. */
export const messageCodes = Object.keys(catalog) as MessageCode[];

/** Parameters that quote a cell or a name from the input: a hostile cell must not flood the message. */
const QUOTED_PARAMS = new Set([
  'found', 'name', 'column', 'indicator', 'display', 'value', 'unit', 'village', 'person', 'dimension',
  'first', 'wanted', 'actual', 'option', 'arg', 'command', 'lang', 'source', 'date', 'mode', 'cell', 'ref', 'item',
]);
/** Longest quoted parameter before it is cut with `…`. */
const MAX_PARAM = 80;
/** Longest of any other parameter (sentences, lists, URLs, paths). */
const MAX_LONG_PARAM = 2000;

/** A parameter as text, cut with `…` when a hostile cell would otherwise fill the message. */
function shown(key: string, value: string | number): string {
  const text = maskIdentifiers(String(value));
  const max = QUOTED_PARAMS.has(key) ? MAX_PARAM : MAX_LONG_PARAM;
  if (text.length <= max) return text;
  const cut = Array.from(text.slice(0, max - 1 + 1)).slice(0, max - 1).join('');
  return `${cut}…`;
}

function fill(template: string, params: MsgParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? shown(key, params[key]) : whole,
  );
}

/**
 * Renders a message in a language.
 * @example t({ code: 'generic.text', params: { text: '好' } }, 'zh') // => '好'
 */
export function t(msg: Msg, lang: Lang): string {
  const entry = catalog[msg.code];
  return fill(entry[lang], msg.params);
}

/**
 * Renders an issue with its location, e.g. `考核数据!F7：应为 0–100% 的比率，实际为"九十"`.
 */
export function issueText(issue: Issue, lang: Lang): string {
  const message = t(issue, lang);
  if (!issue.sheet) return message;
  if (!issue.cell) return t({ code: 'generic.sheetLocation', params: { sheet: issue.sheet, message } }, lang);
  return t({ code: 'generic.location', params: { sheet: issue.sheet, cell: issue.cell, message } }, lang);
}
