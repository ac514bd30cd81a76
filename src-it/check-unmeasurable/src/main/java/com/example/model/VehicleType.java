package com.example.model;

/** Stored by its ordinal: 0 or 1. */
public enum VehicleType {
    CAR,
    TRUCK
}
