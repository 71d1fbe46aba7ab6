package com.shop.api;

/** Paths shared by the server and its clients. */
public final class ApiPaths {
    public static final String API = "/api";
    public static final String V1 = API + "/v1";
    public static final String ORDERS = V1 + "/orders";
    public static final String BY_ID = "/{id}";

    private ApiPaths() {
    }
}
