//
// Clock.h
//
// Time as the business sees it.
//


#ifndef Erp_Clock_INCLUDED
#define Erp_Clock_INCLUDED


#include "erp/Abi.h"
#include <Poco/Timestamp.h>
#include <string>


namespace erp {


class ERP_API Clock
/// The host's clock. Tests and operators may fix it (e.g. `--today`).
/// Thread-safe.
{
public:
	virtual ~Clock() = default;

	virtual Poco::Timestamp now() const = 0;
	/// The current instant (UTC).

	virtual std::string today() const = 0;
	/// The current date in the business time zone, YYYY-MM-DD.

	virtual std::string timeZone() const = 0;
	/// The business's IANA time zone, e.g. "Europe/Athens".
};


} // namespace erp


#endif // Erp_Clock_INCLUDED
