// The business-district council's 31 problems (the report names gate hours, road repair and the publication
// of property fees), each passed to the unit that solved it, with the answer given. Wording is invented; the
// count and the kinds of problem follow the report.
export interface CouncilProblem {
  title: string;
  description: string;
  category: string;
  place: string;
  /** The alliance unit that solved it, by name (demo/tianyuan.ts). */
  unit: string;
  resolution: string;
  rating: number;
}

const PROPERTY = "克拉玛依天源物业服务有限公司";
const GRID = "银河路街道网格化服务管理中心";
const SAMR = "区市场监督管理局";
const HEALTH = "区卫生健康委员会";
const HRSS = "区人力资源和社会保障局";
const OWNERS = "天源市场业主委员会";
const JUSTICE = "区司法局";

export const councilProblems: CouncilProblem[] = [
  { title: "市场大门开放时间过短", description: "早市商户6点就要进货，大门7点才开，建议提前开门、延后关门。", category: "property", place: "市场东大门", unit: PROPERTY, resolution: "经联席会议协调，大门开放时间调整为5:30—22:00，夜市期间延至23:30。", rating: 5 },
  { title: "市场北侧道路坑洼积水", description: "北侧通道路面破损，雨后积水，影响顾客通行和送货车辆。", category: "facility", place: "市场北侧通道", unit: GRID, resolution: "街道协调市政修复路面约300平方米，增设排水篦子两处。", rating: 5 },
  { title: "物业费收支不公开", description: "商户对物业费用途有疑问，希望定期公示收支明细。", category: "property", place: "物业办公室", unit: OWNERS, resolution: "业委会与物业约定每季度在公示栏和群内公布物业费收支明细，首期已公示。", rating: 5 },
  { title: "公共卫生间设施老旧", description: "卫生间冲水设备损坏，异味较重。", category: "sanitation", place: "市场西侧卫生间", unit: PROPERTY, resolution: "更换冲水设备8套，增加保洁频次至每日4次。", rating: 4 },
  { title: "夜间照明不足", description: "市场内部分通道路灯损坏，晚上购物不安全。", category: "safety", place: "B区、C区通道", unit: PROPERTY, resolution: "更换LED路灯26盏，夜市区域增设照明。", rating: 5 },
  { title: "垃圾清运不及时", description: "果蔬区垃圾堆放时间长，夏季有异味。", category: "sanitation", place: "果蔬区", unit: PROPERTY, resolution: "垃圾清运改为早晚各一次，新增分类垃圾桶12组。", rating: 4 },
  { title: "占道经营影响通行", description: "部分摊主将货物摆到通道上，消防通道被占。", category: "market_order", place: "A区主通道", unit: SAMR, resolution: "联合开展规范经营宣传，划定经营黄线，占道现象已整改。", rating: 4 },
  { title: "停车位不足", description: "顾客开车来购物找不到车位，影响客流。", category: "traffic", place: "市场南侧空地", unit: GRID, resolution: "协调南侧空地规划临时停车位60个，高峰期安排引导。", rating: 5 },
  { title: "消防器材过期", description: "部分灭火器已过检验期。", category: "safety", place: "全市场", unit: PROPERTY, resolution: "更换过期灭火器45具，建立月度检查台账。", rating: 5 },
  { title: "冬季供暖温度偏低", description: "室内市场冬季温度低，商户和顾客反映冷。", category: "facility", place: "室内交易大厅", unit: PROPERTY, resolution: "检修供暖管道，加装保温门帘，室温提升至16℃以上。", rating: 4 },
  { title: "计量器具不准引发纠纷", description: "顾客反映个别摊位缺斤少两。", category: "market_order", place: "肉类区", unit: SAMR, resolution: "开展计量器具检定，设置公平秤两台，涉事商户已整改。", rating: 5 },
  { title: "小微商户融资难", description: "部分商户疫情后资金周转困难，希望了解贴息贷款政策。", category: "policy", place: "服务站", unit: HRSS, resolution: "开展政策宣讲，协助47户商户办理创业担保贴息贷款209万元。", rating: 5 },
  { title: "房租压力大", description: "疫情期间客流下降，商户希望减免房租。", category: "policy", place: "服务站", unit: OWNERS, resolution: "协调落实房租、暖气费减免，惠及109户商户，共计28.4万元。", rating: 5 },
  { title: "下水道堵塞", description: "餐饮区下水道经常堵塞返味。", category: "facility", place: "餐饮区", unit: PROPERTY, resolution: "疏通主管道并加装隔油池，要求餐饮商户定期清理。", rating: 4 },
  { title: "市场标识不清", description: "外地顾客找不到各经营区位置。", category: "facility", place: "各入口", unit: PROPERTY, resolution: "制作安装导视牌18块、经营区分布图3块。", rating: 5 },
  { title: "无障碍设施缺失", description: "老人和残疾人进入市场不便。", category: "facility", place: "东大门", unit: GRID, resolution: "增设无障碍坡道两处、扶手若干。", rating: 5 },
  { title: "食品安全检测需求", description: "商户希望就近开展农残快检。", category: "policy", place: "服务站", unit: SAMR, resolution: "在服务站设立快检点，每周二、五免费检测。", rating: 5 },
  { title: "邻里摊位纠纷", description: "相邻两户因摊位边界产生矛盾。", category: "dispute", place: "C区", unit: JUSTICE, resolution: "人民调解员现场调解，双方签订调解协议。", rating: 4 },
  { title: "屋顶漏雨", description: "下雨时交易大厅屋顶多处漏水。", category: "facility", place: "交易大厅屋顶", unit: PROPERTY, resolution: "屋面防水维修约800平方米。", rating: 5 },
  { title: "流浪犬进入市场", description: "有流浪犬在市场内游荡，存在安全隐患。", category: "safety", place: "市场内", unit: GRID, resolution: "联系相关部门收容，入口加装挡板。", rating: 4 },
  { title: "商户健康证办理不便", description: "从业人员健康证需到较远地点办理。", category: "policy", place: "服务站", unit: HEALTH, resolution: "协调体检机构每季度上门集中办理健康证。", rating: 5 },
  { title: "公共区域消杀不足", description: "希望定期对公共区域进行消毒。", category: "sanitation", place: "全市场", unit: HEALTH, resolution: "建立每周两次公共区域消杀制度。", rating: 5 },
  { title: "电动车乱停乱放", description: "入口处电动车堆放，堵塞通道。", category: "traffic", place: "西入口", unit: PROPERTY, resolution: "划设电动车停放区两处，安排专人管理。", rating: 4 },
  { title: "网络信号差", description: "室内大厅手机信号弱，影响扫码支付。", category: "facility", place: "室内交易大厅", unit: GRID, resolution: "协调通信运营商加装室内基站。", rating: 5 },
  { title: "节假日客流组织", description: "节日促销期间人多拥挤，需要疏导。", category: "market_order", place: "全市场", unit: GRID, resolution: "节日期间安排网格员和志愿者疏导，客流增加3500人次未发生拥堵。", rating: 5 },
  { title: "营业执照变更咨询", description: "商户不清楚经营范围变更流程。", category: "policy", place: "服务站", unit: SAMR, resolution: "红盾先锋驿站每月两次现场指导，已帮助办理变更12件。", rating: 5 },
  { title: "市场外墙破旧", description: "外墙瓷砖脱落，影响市场形象和安全。", category: "facility", place: "市场外墙", unit: PROPERTY, resolution: "对外墙进行修缮粉刷，消除坠落隐患。", rating: 5 },
  { title: "用电线路老化", description: "部分摊位私拉电线，线路老化。", category: "safety", place: "B区", unit: PROPERTY, resolution: "改造用电线路，统一安装漏电保护装置。", rating: 5 },
  { title: "夜市噪音扰民", description: "周边居民反映夜市后期音响声音过大。", category: "dispute", place: "夜市区域", unit: GRID, resolution: "规定夜市音响22:00后降低音量，23:30前结束演出。", rating: 4 },
  { title: "消费者投诉处理慢", description: "顾客投诉需要到较远的部门办理。", category: "market_order", place: "服务站", unit: SAMR, resolution: "在服务站设立消费维权服务点，投诉当场受理。", rating: 5 },
  { title: "百姓舞台活动场地不足", description: "舞蹈队希望有固定的活动场地。", category: "facility", place: "市场广场", unit: OWNERS, resolution: "百姓大舞台建成后向两支舞蹈队固定开放。", rating: 5 },
];
