package com.shop.android

import retrofit2.http.GET
import retrofit2.http.Path

interface ShopService {
    @GET("api/v1/orders/{id}")
    suspend fun order(@Path("id") id: Long): Order
}
