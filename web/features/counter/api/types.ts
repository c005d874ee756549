export type {
  BookableDay,
  CounterDay,
  CounterFigures,
  RequestStatus,
  ServiceItem,
  ServiceRequest,
  ServiceRequestDetail,
} from "../../../../contracts/counter.ts";

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
