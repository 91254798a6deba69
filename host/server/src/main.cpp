//
// main.cpp
//


#include "HostApplication.h"
#include <iostream>


POCO_SERVER_MAIN(host::HostApplication)
