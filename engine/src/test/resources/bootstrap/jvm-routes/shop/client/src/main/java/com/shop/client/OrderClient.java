package com.shop.client;

import com.shop.api.OrderApi;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;

@FeignClient(name = "orders", url = "${orders.url}")
public interface OrderClient extends OrderApi {

    @GetMapping("/api/v1/orders/health")
    String health();
}
