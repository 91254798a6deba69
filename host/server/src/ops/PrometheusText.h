//
// PrometheusText.h
//


#ifndef Host_PrometheusText_INCLUDED
#define Host_PrometheusText_INCLUDED


#include <map>
#include <set>
#include <sstream>
#include <string>


namespace host {


class PrometheusText
/// Writes the Prometheus text exposition format (version 0.0.4): for each
/// family a # HELP and a # TYPE line, then its samples. Names and label
/// names are checked; label values and help texts are escaped (backslash,
/// double quote, line feed); text that is not valid UTF-8 has its bad
/// bytes replaced by U+FFFD. A family is written once: a second family()
/// of the same name throws Poco::ExistsException.
{
public:
	using Labels = std::map<std::string, std::string>;

	static const std::string CONTENT_TYPE; /// text/plain; version=0.0.4; charset=utf-8

	void family(const std::string& name, const std::string& type, const std::string& help);
	/// type: counter, gauge, summary or untyped. Throws
	/// Poco::InvalidArgumentException for a bad name or type.

	void sample(const std::string& name, const Labels& labels, double value);
	/// A sample of the family written last: `name` is its name, or for a
	/// summary its name with _sum or _count. Throws
	/// Poco::InvalidArgumentException otherwise, or for a bad label name.

	std::string str() const;

	static bool isMetricName(const std::string& name);
	/// [a-zA-Z_:][a-zA-Z0-9_:]*
	static bool isLabelName(const std::string& name);
	/// [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__"
	static std::string formatValue(double value);
	/// Integers as integers, NaN and infinities as Prometheus spells them.

private:
	static std::string escape(const std::string& text, bool quotes);

	std::ostringstream _out;
	std::set<std::string> _families;
	std::string _current;
	std::string _currentType;
};


} // namespace host


#endif // Host_PrometheusText_INCLUDED
